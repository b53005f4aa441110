import { child, children } from '../../tree.js';
import { virErr } from '../../../errors.js';
import { formatIp, tryParseIp } from '../../network/ipaddr.js';
import { attr, elem, keepAttrs, setAttr, sub } from '../elem.js';
import { unsupportedConfig, xmlError } from '../errors.js';
import { generateMAC, isMulticastMAC, parseMAC } from '../../ids.js';
import { parseUInt, propEnum } from '../numbers.js';
import type { KindRule } from './rules.js';
import { canonicalPciSource } from './pci-source.js';
import { canonicalNetModel, checkNetAfterSource, checkNetBackend, checkNetDriver, checkNetHead, checkNetMacAttrs, checkNetSource, checkNetTail, checkNetTeaming } from './interface-checks.js';

export const NET_TYPES = ['user', 'ethernet', 'vhostuser', 'server', 'client', 'mcast', 'network', 'bridge', 'internal', 'direct', 'hostdev', 'udp', 'vdpa', 'null', 'vds'] as const;

/** Which `<source>` attributes each interface type carries (virDomainNetDefFormat). */
const SOURCE_ATTRS: Record<string, readonly string[]> = {
  network: ['network', 'portgroup', 'portid'],
  bridge: ['bridge'],
  direct: ['dev', 'mode'],
  ethernet: [],
  user: ['dev'],
  vhostuser: ['type', 'path', 'mode'],
  server: ['address', 'port'],
  client: ['address', 'port'],
  mcast: ['address', 'port'],
  udp: ['address', 'port'],
  internal: ['name'],
  hostdev: [],
  vdpa: ['dev'],
  vds: ['switchid', 'portid', 'portgroupid', 'connectionid'],
};

/** Types whose parser insists on a <source> (virDomainNetDefParseXMLRequireSource). */
const SOURCE_REQUIRED = ['network', 'vds', 'internal', 'bridge', 'direct', 'vhostuser', 'vdpa', 'client', 'server', 'mcast', 'udp'];

/**
 * virDomainNetIPParseXML, returning the attributes virDomainNetIPInfoFormat writes: the
 * address and peer in canonical form, the family, a non-zero prefix.
 */
function canonicalIp(attrs: Array<[string, string]>): Array<[string, string]> {
  const get = (k: string) => attrs.find(([a]) => a === k)?.[1];
  const address = get('address');
  if (address === undefined) throw xmlError('Missing required address in <ip>');
  const fam = get('family');
  const family = fam === 'ipv4' ? 4 : fam === 'ipv6' ? 6 : tryParseIp(address)?.family;
  const ip = tryParseIp(address, family);
  if (!ip) throw xmlError(`Invalid address '${address}' in <ip>`);
  const prefixText = get('prefix');
  let prefix = 0;
  if (prefixText !== undefined) {
    const v = parseUInt(prefixText, 10);
    if (v === undefined || (family === 6 && v > 128) || (family === 4 && v > 32)) throw xmlError(`Invalid prefix value '${prefixText}' in <ip>`);
    prefix = v;
  }
  const peerText = get('peer');
  const peer = peerText === undefined ? undefined : tryParseIp(peerText, family);
  if (peerText !== undefined && !peer) throw virErr('INVALID_ARG', `Invalid peer '${peerText}' in <ip>`, 'DOMAIN');
  const out: Array<[string, string]> = [['address', formatIp(ip)], ['family', ip.family === 6 ? 'ipv6' : 'ipv4']];
  if (prefix) out.push(['prefix', String(prefix)]);
  if (peer) out.push(['peer', formatIp(peer)]);
  return out;
}

/** Target names libvirt generates itself; a persistent definition drops them. */
const GENERATED_IFNAME = /^(vnet|macvtap|macvlan)/;

const VIRTIO_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'];

export const interfaceRule: KindRule = {
  allowBoot: true,
  allowRom: true,
  // virDomainNetDefFormat writes <driver> only after a virtio <model>, and <mtu> only when non-zero.
  format(dev) {
    const virtio = VIRTIO_MODELS.includes(attr(sub(dev.el, 'model'), 'type') ?? '');
    type Child = (typeof dev.el.children)[number];
    // virNetDevBandwidthRateFormat: a rate without an average or floor is not written.
    const zeroRate = (r: Child) => !Number(attr(r, 'average') ?? 0) && !Number(attr(r, 'floor') ?? 0);
    const nonZero = (r: Child): Child => ({ ...r, attrs: r.attrs.filter(([k, v]) => k === 'average' || Number(v) !== 0) });
    // With rates that all say nothing, an empty open/close pair remains; with no rates, nothing.
    const bandwidth = (c: Child): Child => ({ ...c, children: c.children.filter((r) => !zeroRate(r)).map(nonZero), open: true });
    const drop = (c: Child) =>
      (c.name === 'driver' && !virtio) || (c.name === 'mtu' && !Number(attr(c, 'size') ?? 0)) || (c.name === 'bandwidth' && !c.children.length && !c.open);
    const children = dev.el.children.filter((c) => !drop(c)).map((c) => (c.name === 'bandwidth' ? bandwidth(c) : c));
    return { ...dev.el, children };
  },
  validate(n) {
    propEnum(n, 'type', NET_TYPES);
    const type = n.attrs.type ?? 'user';
    checkNetHead(n);
    for (const ip of children(child(n, 'source'), 'ip')) canonicalIp(Object.entries(ip.attrs));
    if (SOURCE_REQUIRED.includes(type) && !child(n, 'source')) throw xmlError(`interface type='${type}' requires a 'source' element`);
    checkNetSource(type, child(n, 'source'));
    checkNetAfterSource(n, type);
    const mac = child(n, 'mac')?.attrs.address;
    if (mac !== undefined) {
      const m = parseMAC(mac);
      if (!m) throw xmlError(`unable to parse mac address '${mac}'`);
      if (isMulticastMAC(m)) throw xmlError(`expected unicast mac address, found multicast '${mac}'`);
    }
    checkNetMacAttrs(n);
    for (const ip of children(n, 'ip')) canonicalIp(Object.entries(ip.attrs));
    checkNetDriver(n, type);
    checkNetBackend(n);
    const link = child(n, 'link')?.attrs.state;
    if (link && link !== 'up' && link !== 'down') throw unsupportedConfig(`unknown interface link state '${link}'`);
    checkNetTeaming(n);
    checkNetTail(n);
  },
  normalize(dev, _n, ctx) {
    if (!attr(dev.el, 'type')) dev.el.attrs.unshift(['type', 'user']);
    const type = attr(dev.el, 'type')!;
    const src = sub(dev.el, 'source');
    const keep = SOURCE_ATTRS[type] ?? [];
    keepAttrs(src, keep);
    // A network port id is runtime state: a persistent definition does not read it.
    if (ctx.inactive && src && type === 'network') setAttr(src, 'portid', undefined);
    src?.attrs.sort(([a], [b]) => keep.indexOf(a) - keep.indexOf(b));
    if (src && src.attrs.length === 0 && src.children.length === 0) dev.el.children = dev.el.children.filter((c) => c !== src);
    const model = sub(dev.el, 'model');
    if (attr(model, 'type') !== undefined) setAttr(model!, 'type', canonicalNetModel(attr(model, 'type')!));
    let mac = sub(dev.el, 'mac');
    if (!mac) {
      mac = elem('mac');
      dev.el.children.unshift(mac);
    }
    const addr = attr(mac, 'address');
    setAttr(mac, 'address', addr === undefined ? generateMAC() : parseMAC(addr)!);
    const target = sub(dev.el, 'target');
    const ifname = attr(target, 'dev');
    // A running guest's status keeps them (the device is still its own).
    if (ctx.inactive && target && ifname !== undefined && attr(target, 'managed') !== 'no' && GENERATED_IFNAME.test(ifname)) setAttr(target, 'dev', undefined);
    if (target && target.attrs.length === 0) dev.el.children = dev.el.children.filter((c) => c !== target);
    mac.attrs.sort(([a], [b]) => ['address', 'type', 'check'].indexOf(a) - ['address', 'type', 'check'].indexOf(b));
    for (const ip of dev.el.children.filter((c) => c.name === 'ip')) ip.attrs = canonicalIp(ip.attrs);
    for (const ip of src?.children.filter((c) => c.name === 'ip') ?? []) ip.attrs = canonicalIp(ip.attrs);
    if (type === 'hostdev' && attr(sub(src, 'address'), 'type') === 'pci') canonicalPciSource(src, true);
    // An empty link state is no link state.
    dev.el.children = dev.el.children.filter((c) => c.name !== 'link' || attr(c, 'state') !== '');
  },
};
