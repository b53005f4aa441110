import { child } from '../../tree.js';
import { attr, elem, keepAttrs, setAttr, sub } from '../elem.js';
import { xmlError } from '../errors.js';
import { generateMAC, isMulticastMAC, parseMAC } from '../../ids.js';
import { propEnum } from '../numbers.js';
import type { KindRule } from './rules.js';

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

/** Target names libvirt generates itself; a persistent definition drops them. */
const GENERATED_IFNAME = /^(vnet|macvtap|macvlan)/;

export const interfaceRule: KindRule = {
  allowBoot: true,
  allowRom: true,
  validate(n) {
    propEnum(n, 'type', NET_TYPES);
    const type = n.attrs.type ?? 'user';
    if (SOURCE_REQUIRED.includes(type) && !child(n, 'source')) throw xmlError(`interface type='${type}' requires a 'source' element`);
    const mac = child(n, 'mac')?.attrs.address;
    if (mac !== undefined) {
      const m = parseMAC(mac);
      if (!m) throw xmlError(`unable to parse mac address '${mac}'`);
      if (isMulticastMAC(m)) throw xmlError(`expected unicast mac address, found multicast '${mac}'`);
    }
  },
  normalize(dev, _n, ctx) {
    if (!attr(dev.el, 'type')) dev.el.attrs.unshift(['type', 'user']);
    const type = attr(dev.el, 'type')!;
    const src = sub(dev.el, 'source');
    const keep = SOURCE_ATTRS[type] ?? [];
    keepAttrs(src, keep);
    src?.attrs.sort(([a], [b]) => keep.indexOf(a) - keep.indexOf(b));
    if (src && src.attrs.length === 0 && src.children.length === 0) dev.el.children = dev.el.children.filter((c) => c !== src);
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
  },
};
