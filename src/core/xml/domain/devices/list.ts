import type { XNode } from '../../tree.js';
import { DEVICE_KINDS, type DeviceDef } from '../types.js';
import { isDeviceKind, parseDevice, type ParseContext } from './index.js';
import { insertDisk } from './disk.js';
import { internalError, unsupportedConfig, xmlError } from '../errors.js';
import type { VirError } from '../../../errors.js';
import { attr, setAttr, sub } from '../elem.js';
import { checkUsbControllers, insertController, maybeAddController } from './controller-insert.js';
import { controllerIndex } from './controller.js';

/** Kinds a domain has at most one of, how the parser names them, and the error it raises. */
const SINGLE_DEVICES: Array<[string, string, (msg: string) => VirError]> = [
  ['watchdog', 'watchdog', internalError],
  ['memballoon', 'memory balloon', internalError],
  ['nvram', 'nvram', internalError],
  ['iommu', 'IOMMU', xmlError],
  ['vsock', 'vsock', xmlError],
];

/** Parses `<devices>`: every known device element, grouped in libvirt's kind order. */
export function parseDevices(n: XNode | undefined, ctx: ParseContext): DeviceDef[] {
  for (const [kind, what, error] of SINGLE_DEVICES) {
    if ((n?.children ?? []).filter((c) => c.name === kind).length > 1) throw error(`only a single ${what} device is supported`);
  }
  const byKind = new Map<string, DeviceDef[]>();
  for (const c of n?.children ?? []) {
    if (!isDeviceKind(c.name)) continue;
    const list = byKind.get(c.name) ?? [];
    const dev = parseDevice(c, ctx);
    if (dev.kind === 'disk') insertDisk(list, dev);
    else if (dev.kind === 'controller') insertController(list, dev);
    // A primary video goes first (the parser's VIR_INSERT_ELEMENT at 0).
    else if (dev.kind === 'video' && attr(sub(dev.el, 'model'), 'primary') === 'yes') list.unshift(dev);
    else list.push(dev);
    byKind.set(c.name, list);
  }
  // virDomainDefParseXML numbers consoles by position, whatever port they name.
  (byKind.get('console') ?? []).forEach((c, i) => setAttr(sub(c.el, 'target')!, 'port', String(i)));
  checkUsbControllers(byKind.get('controller') ?? []);
  const usbNone = (byKind.get('controller') ?? []).some((c) => attr(c.el, 'type') === 'usb' && attr(c.el, 'model') === 'none');
  // virDomainDefParseXML refuses USB devices without USB, in its device order (inputs, hostdevs, hubs).
  const usbUsers = (kind: string, test: (d: DeviceDef) => boolean) => usbNone && (byKind.get(kind) ?? []).some(test);
  if (usbUsers('input', (d) => attr(d.el, 'bus') === 'usb')) throw unsupportedConfig("Can't add USB input device. USB bus is disabled");
  if (usbUsers('hostdev', (h) => attr(h.el, 'type') === 'usb')) throw unsupportedConfig("Can't add host USB device: USB is disabled in this host");
  if (usbUsers('hub', (h) => attr(h.el, 'type') === 'usb')) throw unsupportedConfig("Can't add USB hub: USB is disabled for this domain");
  const hostdevs = byKind.get('hostdev') ?? [];
  if (hostdevs.some(isScsiHostdev)) byKind.set('controller', addHostdevScsiControllers(byKind.get('controller') ?? [], hostdevs));
  return DEVICE_KINDS.flatMap((k) => byKind.get(k) ?? []);
}

export const isScsiHostdev = (d: DeviceDef): boolean =>
  d.kind === 'hostdev' && (attr(d.el, 'mode') ?? 'subsystem') === 'subsystem' && attr(d.el, 'type') === 'scsi';

/**
 * virDomainDefMaybeAddHostdevSCSIcontroller, as the parser runs it after each hostdev: SCSI
 * controllers 0..the highest one a SCSI hostdev names (0 while it has no address yet), in the
 * model of the controller that hostdev sits on.
 */
export function addHostdevScsiControllers(ctrls: DeviceDef[], hostdevs: DeviceDef[]): DeviceDef[] {
  const list = [...ctrls];
  const seen: DeviceDef[] = [];
  for (const h of hostdevs) {
    seen.push(h);
    let max = -1;
    let model: string | undefined;
    for (const d of seen.filter(isScsiHostdev)) {
      const at = d.info.address?.type === 'drive' ? d.info.address.controller : 0;
      if (at <= max) continue;
      max = at;
      const cont = list.find((c) => attr(c.el, 'type') === 'scsi' && controllerIndex(c) === at);
      if (attr(cont?.el, 'model') !== undefined) model = attr(cont?.el, 'model');
    }
    for (let i = 0; i <= max; i++) maybeAddController(list, 'scsi', i, model);
  }
  return list;
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
