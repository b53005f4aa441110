import { child, children, type XNode } from '../../tree.js';
import { virErr } from '../../../errors.js';
import { parseUUID } from '../../ids.js';
import { strToLongLong, strToULongLong } from '../../../strtol.js';
import { attr, sub } from '../elem.js';
import { internalError, unsupportedConfig, xmlError } from '../errors.js';
import { parseUInt, prop, propEnum, propInt, propUInt, TRISTATE_BOOL } from '../numbers.js';
import type { DeviceDef } from '../types.js';
import { checkPciSource } from './pci-source.js';

/*
 * The parts of virDomainNetDefParseXML that check <source> per interface type, <backend> and
 * <teaming>, and virDomainNetDefValidate (domain_validate.c), in libvirt's order.
 */

const MACVLAN_MODES = ['vepa', 'private', 'bridge', 'passthrough'] as const;
const VHOSTUSER_MODES = ['', 'client', 'server'] as const;
const BACKEND_TYPES = ['default', 'passt'] as const;
const TEAMING_TYPES = ['none', 'persistent', 'transient'] as const;
const VIRTIO_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'];
/** virDomainNetModel, matched without regard to case. */
const NET_MODELS = [
  'unknown', 'netfront', 'rtl8139', 'virtio', 'e1000', 'e1000e', 'virtio-transitional', 'virtio-non-transitional', 'usb-net',
  'spapr-vlan', 'lan9118', 'scm91c111', 'vlance', 'vmxnet', 'vmxnet2', 'vmxnet3', 'Am79C970A', 'Am79C973', '82540EM', '82545EM', '82543GC',
];

/** virDomainNetSetModelString: a known model, whatever its case, is kept under its own name. */
export function canonicalNetModel(model: string): string {
  return NET_MODELS.find((m) => m.toLowerCase() === model.toLowerCase()) ?? model;
}
/** virDomainCheckVirtioOptionsAreAbsent: <driver> options only a virtio model takes. */
const VIRTIO_ONLY = [
  ['iommu', 'iommu driver option is'],
  ['ats', 'ats driver option is'],
  ['packed', 'packed driver option is'],
  ['page_per_vq', 'page_per_vq option is'],
] as const;

function requiredUUID(n: XNode, name: string): void {
  const v = prop(n, name, true)!;
  if (!parseUUID(v)) throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${v}'. Expected UUID`);
}

function requiredLongLong(n: XNode, name: string): void {
  const v = prop(n, name, true)!;
  if (strToLongLong(v) === undefined)
    throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${v}'. Expected long long integer value`);
}

/** The per-type <source> checks; `src` exists for the types that require it. */
export function checkNetSource(type: string, src: XNode | undefined): void {
  if (!src) return;
  switch (type) {
    case 'network':
      prop(src, 'network', true);
      return;
    case 'vds':
      requiredUUID(src, 'switchid');
      requiredLongLong(src, 'portid');
      prop(src, 'portgroupid', true);
      requiredLongLong(src, 'connectionid');
      return;
    case 'internal':
      prop(src, 'name', true);
      return;
    case 'bridge':
      prop(src, 'bridge', true);
      return;
    case 'direct':
      prop(src, 'dev', true);
      propEnum(src, 'mode', MACVLAN_MODES);
      return;
    case 'vhostuser': {
      const t = prop(src, 'type', true);
      if (t !== 'unix') throw unsupportedConfig(`Type='${t}' unsupported for <interface type='vhostuser'>`);
      prop(src, 'path', true);
      propEnum(src, 'mode', VHOSTUSER_MODES, { required: true, nonzero: true });
      return;
    }
    case 'vdpa':
      prop(src, 'dev', true);
      return;
    case 'hostdev':
      if (child(src, 'address')?.attrs.type === 'pci') checkPciSource(src);
      return;
    case 'client':
    case 'server':
    case 'mcast':
    case 'udp': {
      if (type !== 'server') prop(src, 'address', true);
      propInt(src, 'port', { required: true });
      if (type !== 'udp') return;
      const local = child(src, 'local');
      if (!local) throw xmlError("'<local>' element missing for 'udp' socket interface");
      prop(local, 'address', true);
      propInt(local, 'port', { required: true });
    }
  }
}

/** virDomainNetBackendParseXML: this libvirt build refuses the passt backend outright. */
export function checkNetBackend(n: XNode): void {
  const b = child(n, 'backend');
  if (!b) return;
  if (propEnum(b, 'type', BACKEND_TYPES, { nonzero: true }) === 'passt')
    throw xmlError("Invalid value for attribute 'type' in element 'backend': 'passt'.");
}

/** virDomainNetTeamingInfoParseXML: a type is needed once either attribute is there. */
export function checkNetTeaming(n: XNode): void {
  // virXPathString: an empty attribute counts as none.
  const t = child(n, 'teaming');
  const type = t?.attrs.type || undefined;
  if (type === undefined && !t?.attrs.persistent) return;
  if (type === undefined || TEAMING_TYPES.indexOf(type as (typeof TEAMING_TYPES)[number]) <= 0)
    throw unsupportedConfig(`unknown teaming type '${type ?? '(null)'}'`);
}

/** virDomainNetDefValidate. */
export function validateInterface(d: DeviceDef): void {
  const el = d.el;
  const type = attr(el, 'type') ?? 'user';
  const src = sub(el, 'source');
  const mac = attr(sub(el, 'mac'), 'address') ?? '';
  if (src?.children.some((c) => c.name === 'ip' || c.name === 'route') && type !== 'ethernet') {
    throw unsupportedConfig(
      `Invalid attempt to set network interface host-side IP route and/or address info on interface of type '${type}'. This is only supported on interfaces of type 'ethernet'`,
    );
  }
  if (attr(sub(el, 'target'), 'managed') === 'no' && type !== 'ethernet')
    throw unsupportedConfig(`unmanaged target dev is not supported on interfaces of type '${type}'`);
  const teaming = sub(el, 'teaming');
  const teamType = attr(teaming, 'type');
  if (teamType && teamType !== 'none') {
    const persistent = attr(teaming, 'persistent') || undefined;
    if (teamType === 'transient' && persistent === undefined)
      throw unsupportedConfig("teaming persistent attribute must be set if teaming type is 'transient'");
    if (teamType !== 'transient' && persistent !== undefined)
      throw unsupportedConfig(`teaming persistent attribute not allowed if teaming type is '${teamType}'`);
  }
  if (attr(sub(el, 'port'), 'isolated') === 'yes') {
    if (type !== 'network' && type !== 'bridge')
      throw unsupportedConfig(`interface ${mac} - <port isolated='yes'/> is not supported for network interfaces with type='${type}'`);
    const vport = attr(sub(el, 'virtualport'), 'type');
    if (vport !== undefined)
      throw unsupportedConfig(`interface ${mac} - <port isolated='yes'/> is not supported for network interfaces with virtualport type='${vport}'`);
  }
  const virtio = VIRTIO_MODELS.includes(attr(sub(el, 'model'), 'type') ?? '');
  if (!virtio) {
    const drv = sub(el, 'driver');
    for (const [opt, what] of VIRTIO_ONLY) if (attr(drv, opt) !== undefined) throw unsupportedConfig(`${what} only supported for virtio devices`);
  }
  if (type === 'vhostuser') {
    if (!virtio)
      throw internalError(
        "Wrong or no <model> 'type' attribute specified with <interface type='vhostuser'/>. vhostuser requires the virtio-net* frontend",
      );
    if (attr(src, 'mode') === 'server' && attr(sub(src, 'reconnect'), 'enabled') === 'yes')
      throw unsupportedConfig("'reconnect' attribute unsupported 'server' mode for <interface type='vhostuser'>");
  }
}

const NET_MODEL_CHARS = /^[A-Za-z0-9_-]*$/;
/** Interface types whose parser takes a <virtualport>. */
const VIRTUALPORT_TYPES = ['network', 'bridge', 'direct', 'hostdev'];

/** The attributes read before <source>: trustGuestRxFilters and the model name. */
export function checkNetHead(n: XNode): void {
  propEnum(n, 'trustGuestRxFilters', TRISTATE_BOOL, { nonzero: true });
  const model = child(n, 'model')?.attrs.type;
  if (model && !NET_MODELS.some((m) => m.toLowerCase() === model.toLowerCase()) && !NET_MODEL_CHARS.test(model))
    throw virErr('INVALID_ARG', 'Model name contains invalid characters');
}

/** <virtualport> (only some types take one), <target managed>, then the <vlan> tags. */
export function checkNetAfterSource(n: XNode, type: string): void {
  if (child(n, 'virtualport') && !VIRTUALPORT_TYPES.includes(type))
    throw unsupportedConfig(`<virtualport> element unsupported for <interface type='${type}'>`);
  const target = child(n, 'target');
  if (target) propEnum(target, 'managed', TRISTATE_BOOL, { nonzero: true });
  const bw = child(n, 'bandwidth');
  if (bw) checkBandwidth(bw, type === 'network');
  const vlan = child(n, 'vlan');
  if (!vlan) return;
  const tags = children(vlan, 'tag');
  if (!tags.length) throw xmlError("missing tag id - each <vlan> must have at least one <tag id='n'/> subelement");
  for (const t of tags) {
    const id = propUInt(t, 'id', 10, { required: true })!;
    if (id > 4095) throw xmlError(`vlan tag id ${id} too large (maximum 4095)`);
  }
}

/** <mac type> and <mac check>, after the address. */
export function checkNetMacAttrs(n: XNode): void {
  const mac = child(n, 'mac');
  if (!mac) return;
  propEnum(mac, 'type', ['', 'generated', 'static'], { nonzero: true });
  propEnum(mac, 'check', TRISTATE_BOOL, { nonzero: true });
}

/** The virtio <driver name>, read only for a virtio model outside hostdev. */
export function checkNetDriver(n: XNode, type: string): void {
  const drv = child(n, 'driver');
  if (!drv || type === 'hostdev' || !VIRTIO_MODELS.includes(child(n, 'model')?.attrs.type ?? '')) return;
  propEnum(drv, 'name', ['default', 'qemu', 'vhost'], { nonzero: true });
}

/** <tune><sndbuf> and <mtu size>, read last. */
export function checkNetTail(n: XNode): void {
  const sndbuf = child(child(n, 'tune'), 'sndbuf');
  if (sndbuf && !/^\s*\+?\d+$/.test(sndbuf.text)) throw xmlError('sndbuf must be a positive integer');
  const mtu = child(n, 'mtu')?.attrs.size;
  if (mtu !== undefined && mtu !== '' && parseUInt(mtu, 10) === undefined) throw xmlError('malformed mtu size');
}

/** virNetDevBandwidthParseRate: an average or a floor; peak and burst need the average. */
function checkRate(r: XNode): { floor: boolean } {
  const { average, peak, burst, floor } = r.attrs;
  const num = (what: string, v: string | undefined) => {
    if (v !== undefined && strToULongLong(v, false) === undefined) throw unsupportedConfig(`could not convert bandwidth ${what} value '${v}'`);
    return v === undefined ? 0n : strToULongLong(v, false)!;
  };
  if (average !== undefined) num('average', average);
  else if (floor === undefined) throw virErr('XML_DETAIL', 'Missing mandatory average or floor attributes', 'DOMAIN');
  if ((peak !== undefined || burst !== undefined) && average === undefined) throw unsupportedConfig("'peak' and 'burst' require 'average' attribute");
  num('peak', peak);
  num('burst', burst);
  return { floor: num('floor', floor) > 0n };
}

/** virNetDevBandwidthParse: one <inbound> and one <outbound>; a floor only inbound, on a network. */
function checkBandwidth(bw: XNode, allowFloor: boolean): void {
  const ins = children(bw, 'inbound');
  const outs = children(bw, 'outbound');
  if (ins.length > 1) throw virErr('XML_DETAIL', 'Only one child <inbound> element allowed', 'DOMAIN');
  if (outs.length > 1) throw virErr('XML_DETAIL', 'Only one child <outbound> element allowed', 'DOMAIN');
  if (ins[0] && checkRate(ins[0]).floor && !allowFloor) throw unsupportedConfig('floor attribute is not supported for this config');
  if (outs[0] && checkRate(outs[0]).floor) throw unsupportedConfig("'floor' attribute allowed only in <inbound> element");
}
