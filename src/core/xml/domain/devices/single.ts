import { parseXmlDocument } from '../../parse.js';
import { child } from '../../tree.js';
import { virErr } from '../../../errors.js';
import { attr, formatElem, sub } from '../elem.js';
import { unsupportedConfig } from '../errors.js';
import { sameAddress } from '../address.js';
import type { DeviceDef, DomainDef } from '../types.js';
import { deviceElem, isDeviceKind, parseDevice } from './index.js';
import { postParseDisk } from './disk.js';
import { findEqualDevice } from './find.js';

/**
 * virDomainDeviceDefParse: one device element (attach-device / detach-device XML), parsed
 * against the domain it is meant for and given the per-device defaults.
 */
export function parseDeviceXML(xml: string, def: DomainDef): DeviceDef {
  const n = parseXmlDocument(xml, '(device_definition)', undefined, 'DOMAIN');
  if (!isDeviceKind(n.name) || n.name === 'redirfilter') throw unsupportedConfig(`unknown device type '${n.name}'`);
  const dev = parseDevice(n, { inactive: true, osType: def.os.type, arch: def.os.arch, virtType: def.type });
  if (dev.kind === 'interface' && !child(n, 'mac')?.attrs.address) dev.macGenerated = true;
  if (dev.kind === 'disk') postParseDisk(dev);
  return dev;
}

/** The device element alone, as `virsh dumpxml` would show it inside `<devices>` (depth 0). */
export function formatDeviceXML(dev: DeviceDef, flags: number): string {
  return formatElem(deviceElem(dev, { flags, inactive: true }), 0);
}

/** virDomainDiskIndexByName: target name, or an unambiguous source path when it starts with '/'. */
export function findDiskByName(def: DomainDef, name: string, allowAmbiguous = false): number {
  let candidate = -1;
  for (let i = 0; i < def.devices.length; i++) {
    const d = def.devices[i];
    if (d.kind !== 'disk') continue;
    if (!name.startsWith('/')) {
      if (attr(sub(d.el, 'target'), 'dev') === name) return i;
    } else {
      const src = sub(d.el, 'source');
      const path = attr(src, 'file') ?? attr(src, 'dev') ?? attr(src, 'dir') ?? attr(src, 'name') ?? attr(src, 'volume');
      if (path === name) {
        if (allowAmbiguous) return i;
        if (candidate >= 0) return -1;
        candidate = i;
      }
    }
  }
  return candidate;
}

/** virDomainNetFindIdx: MAC (unless generated), PCI/CCW address and alias must agree; errors as libvirt. */
export function findInterface(def: DomainDef, net: DeviceDef): number {
  const mac = net.macGenerated ? undefined : attr(sub(net.el, 'mac'), 'address');
  const addr = net.info.address;
  const byAddr = addr && (addr.type === 'pci' || addr.type === 'ccw') ? addr : undefined;
  let match = -1;
  def.devices.forEach((d, i) => {
    if (d.kind !== 'interface') return;
    if (mac && attr(sub(d.el, 'mac'), 'address') !== mac) return;
    if (byAddr && !sameAddress(d.info.address, byAddr)) return;
    if (net.info.alias && d.info.alias && net.info.alias !== d.info.alias) return;
    if (match >= 0) throw virErr('OPERATION_FAILED', mac ? `multiple devices matching MAC address ${mac} found` : 'multiple matching devices found', 'DOMAIN');
    match = i;
  });
  if (match >= 0) return match;
  let addrText = '(<null>)';
  if (byAddr?.type === 'pci') addrText = `${byAddr.domain.toString(16).padStart(4, '0')}:${byAddr.bus.toString(16).padStart(2, '0')}:${byAddr.slot.toString(16).padStart(2, '0')}.${byAddr.function}`;
  else if (byAddr?.type === 'ccw') addrText = `${byAddr.cssid.toString(16)}.${byAddr.ssid.toString(16)}.${byAddr.devno.toString(16).padStart(4, '0')}`;
  throw virErr('DEVICE_MISSING', `no device found at address '${addrText}' matching MAC address '${mac ?? '(<null>)'}' and alias '${net.info.alias ?? '(<null>)'}'`, 'DOMAIN');
}

/**
 * Finds the device `dev` designates in `def` for detach: disks by target, interfaces by
 * MAC/address/alias, everything else by an equal canonical element (and address when given).
 * Returns the index in def.devices, or -1.
 */
export function findDevice(def: DomainDef, dev: DeviceDef): number {
  if (dev.kind === 'disk') return findDiskByName(def, attr(sub(dev.el, 'target'), 'dev') ?? '');
  if (dev.kind === 'interface') return findInterface(def, dev);
  return findEqualDevice(def, dev);
}
