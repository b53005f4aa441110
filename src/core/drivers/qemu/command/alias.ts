import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, devicesOf, isQ35, sub } from './util.js';

/** qemuAssignDeviceControllerAlias. */
export function controllerAlias(def: DomainDef, c: DeviceDef): string {
  const type = attr(c.el, 'type')!;
  const idx = Number(attr(c.el, 'index') ?? 0);
  const model = attr(c.el, 'model');
  if (type === 'pci') return model === 'pcie-root' ? `pcie.${idx}` : `pci.${idx}`;
  if (idx === 0) {
    if (type === 'ide' && !isQ35(def)) return 'ide';
    if (type === 'sata' && isQ35(def)) return 'ide';
    if (type === 'usb') return 'usb';
    if (type === 'scsi' && model === 'ncr53c90') return 'scsi';
  }
  return `${type}${idx}`;
}

const DISK_PREFIX: Record<string, string> = { ide: 'ide', sata: 'sata', scsi: 'scsi', fdc: 'fdc' };

/** qemuAssignDeviceDiskAlias: bus-controller-bus-unit for drive addresses, virtio-diskN by target. */
function diskAlias(def: DomainDef, d: DeviceDef): string {
  const t = sub(d.el, 'target');
  const bus = attr(t, 'bus') ?? '';
  const a = d.info.address;
  const prefix = DISK_PREFIX[bus];
  if (prefix && a?.type === 'drive') {
    // LSI controllers keep the old three-part name; others address target and LUN.
    const ctrl = devicesOf(def, 'controller').find((c) => attr(c.el, 'type') === 'scsi' && Number(attr(c.el, 'index')) === a.controller);
    if (bus === 'scsi' && attr(ctrl?.el, 'model') !== 'lsilogic') return `scsi${a.controller}-${a.bus}-${a.target}-${a.unit}`;
    return `${prefix}${a.controller}-${a.bus}-${a.unit}`;
  }
  return `${bus}-disk${diskIndex(attr(t, 'dev') ?? '')}`;
}

/** virDiskNameToIndex: vda → 0, vdz → 25, vdaa → 26. */
function diskIndex(name: string): number {
  const m = /^(?:fd|hd|vd|sd|xvd|ubd)([a-z]+)/.exec(name);
  if (!m) return -1;
  let idx = 0;
  for (const ch of m[1]) idx = idx * 26 + (ch.charCodeAt(0) - 96);
  return idx - 1;
}

/** Per-kind alias prefixes for devices numbered in their kind's order. */
const NUMBERED: Array<[DeviceDef['kind'], string]> = [
  ['interface', 'net'],
  ['serial', 'serial'],
  ['parallel', 'parallel'],
  ['channel', 'channel'],
  ['input', 'input'],
  ['video', 'video'],
  ['sound', 'sound'],
  ['watchdog', 'watchdog'],
  ['rng', 'rng'],
];

/** qemuAssignDeviceAliases for the device families the command line builds. */
export function assignAliases(def: DomainDef): void {
  for (const c of devicesOf(def, 'controller')) c.info.alias = controllerAlias(def, c);
  for (const d of devicesOf(def, 'disk')) d.info.alias = diskAlias(def, d);
  for (const [kind, prefix] of NUMBERED) devicesOf(def, kind).forEach((d, i) => (d.info.alias = `${prefix}${i}`));
  devicesOf(def, 'console').forEach((d, i) => (d.info.alias = i === 0 && attr(sub(d.el, 'target'), 'type') === 'serial' ? 'serial0' : `console${i}`));
  for (const b of devicesOf(def, 'memballoon')) if (attr(b.el, 'model') !== 'none') b.info.alias = 'balloon0';
}
