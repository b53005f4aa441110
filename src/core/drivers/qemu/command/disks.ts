import type { JsonProps, QemuCommand } from './argv.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { addressProps } from './address.js';
import { attr, devicesOf, sub } from './util.js';
import { qemuError } from './errors.js';

/** qemuDomainDiskCachemodeFlags: cache mode → [write-back, direct, no-flush]. */
const CACHE_MODES: Record<string, [boolean, boolean, boolean]> = {
  none: [true, true, false],
  writethrough: [false, false, false],
  writeback: [true, false, false],
  directsync: [false, true, false],
  unsafe: [true, false, true],
};

/** qemuDomainPrepareDiskCachemode: a writable shared disk defaults to cache=none. */
function cacheMode(d: DeviceDef): [boolean, boolean, boolean] | undefined {
  const mode = attr(sub(d.el, 'driver'), 'cache');
  if (mode && mode !== 'default') return CACHE_MODES[mode];
  return sub(d.el, 'shareable') && !sub(d.el, 'readonly') ? CACHE_MODES.none : undefined;
}

/** qemuBuildDiskGetErrorPolicy: rerror follows werror unless set, and enospace is 'enospc'. */
function errorPolicies(d: DeviceDef): [string | undefined, string | undefined] {
  const driver = sub(d.el, 'driver');
  const w = attr(driver, 'error_policy');
  const r = attr(driver, 'rerror_policy');
  if (w === 'enospace') return ['enospc', r];
  return [w, r ?? w];
}

/** The -device driver per bus (qemuBuildDiskDeviceProps). */
function frontendDriver(bus: string, device: string): string | undefined {
  if (bus === 'ide' || bus === 'sata') return device === 'cdrom' ? 'ide-cd' : 'ide-hd';
  if (bus === 'scsi') return device === 'lun' ? 'scsi-block' : device === 'cdrom' ? 'scsi-cd' : 'scsi-hd';
  if (bus === 'virtio') return 'virtio-blk-pci';
  if (bus === 'usb') return 'usb-storage';
  if (bus === 'fdc') return 'floppy';
  throw qemuError('INTERNAL_ERROR', `unsupported disk bus '${bus}' with device setup`);
}

/** Bus properties of a drive address: IDE unit, SATA port, SCSI channel/id/lun. */
function driveProps(def: DomainDef, d: DeviceDef, bus: string): JsonProps {
  const a = d.info.address;
  if (a?.type !== 'drive') return addressProps(def, d.info);
  const ctrl = devicesOf(def, 'controller').find((c) => attr(c.el, 'type') === bus && Number(attr(c.el, 'index')) === a.controller);
  const alias = ctrl?.info.alias ?? `${bus}${a.controller}`;
  if (bus === 'ide') return { bus: `${alias}.${a.bus}`, unit: a.unit };
  if (bus === 'fdc') return { unit: a.unit };
  if (bus === 'sata') return { bus: `${alias}.${a.unit}` };
  if (bus === 'scsi') {
    if (attr(ctrl?.el, 'model') === 'virtio-scsi') return { bus: `${alias}.0`, channel: a.bus, 'scsi-id': a.target, lun: a.unit };
    return { bus: `${alias}.0`, 'scsi-id': a.unit };
  }
  return {};
}

/** The effective boot index per disk (qemuProcessPrepareDeviceBootorder). */
export function bootIndexes(def: DomainDef): Map<DeviceDef, number> {
  const out = new Map<DeviceDef, number>();
  const perDevice = def.devices.some((d) => d.info.bootOrder);
  if (perDevice) {
    for (const d of def.devices) if (d.info.bootOrder) out.set(d, d.info.bootOrder);
    return out;
  }
  const at: Record<string, number> = {};
  def.os.bootDevs.forEach((b, i) => (at[b] = i + 1));
  const take = (key: string) => {
    const v = at[key] ?? 0;
    at[key] = 0;
    return v;
  };
  for (const d of devicesOf(def, 'disk')) {
    const device = attr(d.el, 'device') ?? 'disk';
    const v = take(device === 'cdrom' ? 'cdrom' : device === 'floppy' ? 'fd' : 'hd');
    if (v) out.set(d, v);
  }
  const nets = devicesOf(def, 'interface');
  if (nets.length && at.network) out.set(nets[0], at.network);
  return out;
}

/** Storage and format -blockdev of a disk with a source (qemuBuildDiskSourceCommandLine). */
function blockdevs(cmd: QemuCommand, d: DeviceDef, n: number): void {
  const driver = sub(d.el, 'driver');
  const mode = cacheMode(d);
  const cache = mode ? { direct: mode[1], 'no-flush': mode[2] } : undefined;
  const type = attr(d.el, 'type') ?? 'file';
  const src = sub(d.el, 'source');
  const io = attr(driver, 'io');
  const readonly = !!sub(d.el, 'readonly');
  const storage = `libvirt-${n}-storage`;
  cmd.addJson('-blockdev', {
    driver: type === 'block' ? (attr(d.el, 'device') === 'cdrom' ? 'host_cdrom' : 'host_device') : 'file',
    filename: attr(src, 'file') ?? attr(src, 'dev'),
    aio: io,
    'node-name': storage,
    cache,
    'auto-read-only': true,
    discard: 'unmap',
  });
  cmd.addJson('-blockdev', {
    'node-name': `libvirt-${n}-format`,
    'read-only': readonly,
    discard: attr(driver, 'discard'),
    cache,
    'detect-zeroes': attr(driver, 'detect_zeroes'),
    driver: attr(driver, 'type') ?? 'raw',
    file: storage,
    // A chain probed to its end at start-up (<backingStore/>) says so; the pretend command
    // line of domxml-to-native has probed nothing.
    backing: BACKING_FORMATS.includes(attr(driver, 'type') ?? '') && chainEnds(d) ? null : undefined,
  });
}

/** Image formats that can have a backing file (VIR_STORAGE_FILE_BACKING and above). */
const BACKING_FORMATS = ['cow', 'qcow', 'qcow2', 'qed', 'vmdk'];

const chainEnds = (d: DeviceDef) => {
  const end = sub(d.el, 'backingStore');
  return !!end && end.attrs.length === 0 && end.children.length === 0;
};

const hasSource = (d: DeviceDef) => {
  const src = sub(d.el, 'source');
  return !!(attr(src, 'file') ?? attr(src, 'dev'));
};

/** -blockdev pairs and -device per disk; node names count down from the number of sources. */
export function buildDisks(cmd: QemuCommand, def: DomainDef): void {
  const disks = devicesOf(def, 'disk');
  const boot = bootIndexes(def);
  // A floppy's boot index is a property of the ISA floppy controller, not of the drive.
  for (const d of disks) {
    const a = d.info.address;
    if (attr(d.el, 'device') === 'floppy' && boot.get(d) && a?.type === 'drive') cmd.add('-global', `isa-fdc.bootindex${a.unit ? 'B' : 'A'}=${boot.get(d)}`);
  }
  let n = disks.length;
  for (const d of disks) {
    const type = attr(d.el, 'type') ?? 'file';
    if (type !== 'file' && type !== 'block') throw qemuError('CONFIG_UNSUPPORTED', `disk type '${type}' is not supported by virsh-ts`);
    const node = n--;
    const bus = attr(sub(d.el, 'target'), 'bus') ?? '';
    const device = attr(d.el, 'device') ?? 'disk';
    const driver = frontendDriver(bus, device);
    const withSource = hasSource(d);
    if (withSource) blockdevs(cmd, d, node);
    const mode = cacheMode(d);
    const [werror, rerror] = errorPolicies(d);
    const serial = sub(d.el, 'serial')?.text;
    const iothread = attr(sub(d.el, 'driver'), 'iothread');
    const props: JsonProps = {
      driver,
      iothread: bus === 'virtio' && iothread ? `iothread${iothread}` : undefined,
      ...driveProps(def, d, bus),
      device_id: bus === 'scsi' && device !== 'lun' ? serial ?? `drive-${d.info.alias}` : undefined,
      'share-rw': sub(d.el, 'shareable') ? true : undefined,
      drive: withSource ? `libvirt-${node}-format` : undefined,
      id: d.info.alias,
      bootindex: device === 'floppy' ? undefined : boot.get(d),
      removable: bus === 'usb' ? attr(sub(d.el, 'target'), 'removable') === 'on' : undefined,
      'write-cache': mode && device !== 'lun' ? (mode[0] ? 'on' : 'off') : undefined,
      serial: serial?.replace(/ /g, '\\ '),
      werror,
      rerror,
    };
    cmd.addJson('-device', props);
  }
}
