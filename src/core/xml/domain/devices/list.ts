import type { XNode } from '../../tree.js';
import { DEVICE_KINDS, type DeviceDef } from '../types.js';
import { isDeviceKind, parseDevice, type ParseContext } from './index.js';
import { insertDisk } from './disk.js';

/** Parses `<devices>`: every known device element, grouped in libvirt's kind order. */
export function parseDevices(n: XNode | undefined, ctx: ParseContext): DeviceDef[] {
  const byKind = new Map<string, DeviceDef[]>();
  for (const c of n?.children ?? []) {
    if (!isDeviceKind(c.name)) continue;
    const list = byKind.get(c.name) ?? [];
    const dev = parseDevice(c, ctx);
    if (dev.kind === 'disk') insertDisk(list, dev);
    else list.push(dev);
    byKind.set(c.name, list);
  }
  return DEVICE_KINDS.flatMap((k) => byKind.get(k) ?? []);
}

/** Inserts a device after the last one of its kind (or where its kind's group starts). */
export function insertDevice(devices: DeviceDef[], dev: DeviceDef): void {
  const rank = DEVICE_KINDS.indexOf(dev.kind);
  let at = devices.length;
  for (let i = 0; i < devices.length; i++) {
    if (DEVICE_KINDS.indexOf(devices[i].kind) > rank) {
      at = i;
      break;
    }
  }
  devices.splice(at, 0, dev);
}
