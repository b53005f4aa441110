import type { XNode } from '../../tree.js';
import { child } from '../../tree.js';
import { attr, elem, keepAttrs, sub, type Elem } from '../elem.js';
import { xmlError } from '../errors.js';
import { propEnum, propUInt, TRISTATE_BOOL, TRISTATE_SWITCH } from '../numbers.js';
import type { DeviceDef, DomainDef } from '../types.js';
import type { KindRule } from './rules.js';
import { assignDefaultPorts, checkDiskSource } from './disk-source.js';

export const DISK_TYPES = ['none', 'file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser'] as const;
export const DISK_DEVICES = ['disk', 'cdrom', 'floppy', 'lun'] as const;
const DISK_MODELS = ['default', 'virtio', 'virtio-transitional', 'virtio-non-transitional'] as const;
const SNAPSHOT_LOCATIONS = ['default', 'no', 'internal', 'external', 'manual'] as const;
export const DISK_BUSES = ['none', 'ide', 'fdc', 'scsi', 'virtio', 'xen', 'usb', 'uml', 'sata', 'sd'] as const;

/** Which `<source>` attributes each disk type carries (virDomainDiskSourceFormat). */
const SOURCE_ATTRS: Record<string, readonly string[]> = {
  file: ['file', 'fdgroup', 'startupPolicy', 'index'],
  block: ['dev', 'startupPolicy', 'index'],
  dir: ['dir', 'startupPolicy', 'index'],
  network: ['protocol', 'name', 'query', 'tls', 'tlsHostname', 'startupPolicy', 'index'],
  volume: ['pool', 'volume', 'mode', 'startupPolicy', 'index'],
  nvme: ['type', 'managed', 'namespace', 'startupPolicy', 'index'],
  vhostuser: ['type', 'path', 'startupPolicy', 'index'],
};

/** virDiskNameToIndex: sda → 0, hdz → 25, vdaa → 26; -1 when not a disk name. */
export function diskNameToIndex(name: string): number {
  const m = /^(fd|hd|vd|sd|xvd|ubd)([a-z]+)(\d*)$/.exec(name);
  if (!m) return -1;
  let idx = 0;
  [...m[2]].forEach((ch, i) => {
    // C int arithmetic: a long name wraps around, usually to a negative (refused) index.
    idx = (Math.imul(idx + (i < 1 ? 0 : 1), 26) + (ch.charCodeAt(0) - 97)) | 0;
  });
  return idx;
}

export const diskBus = (d: DeviceDef): string => attr(sub(d.el, 'target'), 'bus') ?? 'none';
export const diskDst = (d: DeviceDef): string | undefined => attr(sub(d.el, 'target'), 'dev');

/** The source and backing chain without the node indexes a running guest's storage has. */
function withoutIndexes(el: Elem): Elem {
  const children = el.children.map((c) => {
    if (c.name === 'source') return { ...c, attrs: c.attrs.filter(([k]) => k !== 'index') };
    if (c.name === 'backingStore') return withoutIndexes({ ...c, attrs: c.attrs.filter(([k]) => k !== 'index') });
    return c;
  });
  return { ...el, children };
}

export const diskRule: KindRule = {
  allowBoot: true,
  // virDomainDiskSourceFormat and the backing chain write `index` only in live XML.
  format: (dev, ctx) => (ctx.inactive ? withoutIndexes(dev.el) : dev.el),
  validate(n: XNode) {
    propEnum(n, 'type', DISK_TYPES, { nonzero: true });
    checkDiskSource(n);
    propEnum(n, 'device', DISK_DEVICES);
    propEnum(n, 'model', DISK_MODELS);
    propEnum(n, 'snapshot', SNAPSHOT_LOCATIONS, { nonzero: true });
    const t = child(n, 'target');
    if (t) {
      propEnum(t, 'bus', DISK_BUSES, { nonzero: true });
      propEnum(t, 'tray', ['closed', 'open']);
      propEnum(t, 'removable', TRISTATE_SWITCH, { nonzero: true });
      propUInt(t, 'rotation_rate', 10);
    }
    propEnum(n, 'rawio', TRISTATE_BOOL, { nonzero: true });
    const geometry = child(n, 'geometry');
    if (geometry) for (const k of ['cyls', 'heads', 'secs']) propUInt(geometry, k, 10);
    const src = child(n, 'source');
    if (src) propEnum(src, 'startupPolicy', ['default', 'mandatory', 'requisite', 'optional'], { nonzero: true });
  },
  normalize(dev) {
    // A disk without <source> is a file disk, whatever its type said (virDomainDiskDefParseSourceXML).
    if (!sub(dev.el, 'source')) dev.el.attrs = dev.el.attrs.filter(([k]) => k !== 'type');
    if (!attr(dev.el, 'type')) dev.el.attrs.unshift(['type', 'file']);
    if (!attr(dev.el, 'device')) dev.el.attrs.splice(1, 0, ['device', 'disk']);
    keepAttrs(sub(dev.el, 'source'), SOURCE_ATTRS[attr(dev.el, 'type')!] ?? []);
    const src = sub(dev.el, 'source');
    if (src && src.attrs.length === 0 && src.children.length === 0) dev.el.children = dev.el.children.filter((c) => c !== src);
    assignDefaultPorts(dev.el);
    // virDomainDiskGeometryFormat: a geometry shows only with all three sizes non-zero.
    const g = sub(dev.el, 'geometry');
    if (g && !['cyls', 'heads', 'secs'].every((k) => Number(attr(g, k) ?? 0))) dev.el.children = dev.el.children.filter((c) => c !== g);
  },
};

/** virDomainDiskInsert: keeps same-bus disks ordered by their target index (bus as written). */
export function insertDisk(disks: DeviceDef[], disk: DeviceDef): void {
  let at = -1;
  for (let i = disks.length - 1; i >= 0; i--) {
    const same = diskBus(disks[i]) === diskBus(disk);
    const a = diskDst(disks[i]);
    const b = diskDst(disk);
    if (same && a && b && diskNameToIndex(a) > diskNameToIndex(b)) at = i;
    else if (same && at === -1) at = i + 1;
  }
  if (at === -1) disks.push(disk);
  else disks.splice(at, 0, disk);
}

/** virDomainDiskDefPostParse + virDomainDiskDefAssignAddress. */
export function postParseDisk(disk: DeviceDef): void {
  const t = sub(disk.el, 'target');
  const dst = attr(t, 'dev');
  if (attr(disk.el, 'device') === 'cdrom' && !sub(disk.el, 'readonly')) {
    const after = ['driver', 'auth', 'source', 'backingStore', 'backenddomain', 'geometry', 'blockio', 'mirror', 'target', 'iotune'];
    let at = 0;
    disk.el.children.forEach((c, i) => {
      if (after.includes(c.name)) at = i + 1;
    });
    disk.el.children.splice(at, 0, elem('readonly'));
  }
  if (t && !attr(t, 'bus')) {
    let bus = 'ide';
    if (attr(disk.el, 'device') === 'floppy') bus = 'fdc';
    else if (dst?.startsWith('hd')) bus = 'ide';
    else if (dst?.startsWith('sd')) bus = 'scsi';
    else if (dst?.startsWith('vd')) bus = 'virtio';
    else if (dst?.startsWith('xvd')) bus = 'xen';
    else if (dst?.startsWith('ubd')) bus = 'uml';
    t.attrs.splice(dst !== undefined ? 1 : 0, 0, ['bus', bus]);
  }
  if (!disk.info.address && dst !== undefined) {
    const idx = diskNameToIndex(dst);
    if (idx < 0) throw xmlError(`Unknown disk name '${dst}' and no address specified`);
    const drive = (controller: number, bus: number, unit: number) => ({ type: 'drive' as const, controller, bus, target: 0, unit });
    switch (attr(t, 'bus')) {
      case 'scsi':
        disk.info.address = drive(Math.floor(idx / 7), 0, idx % 7);
        break;
      case 'ide':
        disk.info.address = drive(Math.floor(idx / 4), Math.floor((idx % 4) / 2), idx % 2);
        break;
      case 'sata':
        disk.info.address = drive(Math.floor(idx / 6), 0, idx % 6);
        break;
      case 'fdc':
        disk.info.address = drive(Math.floor(idx / 2), 0, idx % 2);
        break;
    }
  }
}

/** Disks whose bus needs a controller, and the controller type it needs. */
export const DISK_CONTROLLERS: Array<[string, string]> = [['scsi', 'scsi'], ['fdc', 'fdc'], ['ide', 'ide'], ['sata', 'sata']];

export function diskDevices(def: DomainDef): DeviceDef[] {
  return def.devices.filter((d) => d.kind === 'disk');
}

