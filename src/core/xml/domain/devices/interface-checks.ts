import { child, type XNode } from '../../tree.js';
import { parseUUID } from '../../ids.js';
import { strToLongLong } from '../../../strtol.js';
import { attr, sub } from '../elem.js';
import { internalError, unsupportedConfig, xmlError } from '../errors.js';
import { propEnum, propInt } from '../numbers.js';
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
/** virDomainCheckVirtioOptionsAreAbsent: <driver> options only a virtio model takes. */
const VIRTIO_ONLY = [
  ['iommu', 'iommu driver option is'],
  ['ats', 'ats driver option is'],
  ['packed', 'packed driver option is'],
  ['page_per_vq', 'page_per_vq option is'],
] as const;

function required(n: XNode, name: string): string {
  const v = n.attrs[name];
  if (v === undefined) throw xmlError(`Missing required attribute '${name}' in element '${n.name}'`);
  return v;
}

function requiredUUID(n: XNode, name: string): void {
  const v = required(n, name);
  if (!parseUUID(v)) throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${v}'. Expected UUID`);
}

function requiredLongLong(n: XNode, name: string): void {
  const v = required(n, name);
  if (strToLongLong(v) === undefined)
    throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${v}'. Expected long long integer value`);
}

/** The per-type <source> checks; `src` exists for the types that require it. */
export function checkNetSource(type: string, src: XNode | undefined): void {
  if (!src) return;
  switch (type) {
    case 'network':
      required(src, 'network');
      return;
    case 'vds':
      requiredUUID(src, 'switchid');
      requiredLongLong(src, 'portid');
      required(src, 'portgroupid');
      requiredLongLong(src, 'connectionid');
      return;
    case 'internal':
      required(src, 'name');
      return;
    case 'bridge':
      required(src, 'bridge');
      return;
    case 'direct':
      required(src, 'dev');
      propEnum(src, 'mode', MACVLAN_MODES);
      return;
    case 'vhostuser': {
      const t = required(src, 'type');
      if (t !== 'unix') throw unsupportedConfig(`Type='${t}' unsupported for <interface type='vhostuser'>`);
      required(src, 'path');
      propEnum(src, 'mode', VHOSTUSER_MODES, { required: true, nonzero: true });
      return;
    }
    case 'vdpa':
      required(src, 'dev');
      return;
    case 'hostdev':
      if (child(src, 'address')?.attrs.type === 'pci') checkPciSource(src);
      return;
    case 'client':
    case 'server':
    case 'mcast':
    case 'udp': {
      if (type !== 'server') required(src, 'address');
      propInt(src, 'port', { required: true });
      if (type !== 'udp') return;
      const local = child(src, 'local');
      if (!local) throw xmlError("'<local>' element missing for 'udp' socket interface");
      required(local, 'address');
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
