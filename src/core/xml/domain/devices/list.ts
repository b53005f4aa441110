import type { XNode } from '../../tree.js';
import { DEVICE_KINDS, type DeviceDef } from '../types.js';
import { isDeviceKind, parseDevice, type ParseContext } from './index.js';
import { insertDisk } from './disk.js';
import { internalError, unsupportedConfig } from '../errors.js';
import { attr } from '../elem.js';

/** Kinds a domain has at most one of, and how the parser names them. */
const SINGLE_DEVICES: Array<[string, string]> = [['watchdog', 'watchdog'], ['memballoon', 'memory balloon'], ['nvram', 'nvram'], ['iommu', 'IOMMU'], ['vsock', 'vsock']];

/** Parses `<devices>`: every known device element, grouped in libvirt's kind order. */
export function parseDevices(n: XNode | undefined, ctx: ParseContext): DeviceDef[] {
  for (const [kind, what] of SINGLE_DEVICES) {
    if ((n?.children ?? []).filter((c) => c.name === kind).length > 1) throw internalError(`only a single ${what} device is supported`);
  }
  const byKind = new Map<string, DeviceDef[]>();
  for (const c of n?.children ?? []) {
    if (!isDeviceKind(c.name)) continue;
    const list = byKind.get(c.name) ?? [];
    const dev = parseDevice(c, ctx);
    if (dev.kind === 'disk') insertDisk(list, dev);
    else list.push(dev);
    byKind.set(c.name, list);
  }
  const usbNone = (byKind.get('controller') ?? []).some((c) => attr(c.el, 'type') === 'usb' && attr(c.el, 'model') === 'none');
  if (usbNone && (byKind.get('hostdev') ?? []).some((h) => attr(h.el, 'type') === 'usb'))
    throw unsupportedConfig("Can't add host USB device: USB is disabled in this host");
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
