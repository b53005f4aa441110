import { virErr } from '../../../errors.js';
import { findDiskByName, findInterface, insertDevice, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { diskBus, diskDst, insertDisk } from '../../../xml/domain/devices/disk.js';
import { controllerIndex, controllerType } from '../../../xml/domain/devices/controller.js';
import { scsiUnitUsed } from '../../../xml/domain/devices/postparse.js';
import { findController, findEqualDevice, findFilesystem } from '../../../xml/domain/devices/find.js';
import { insertController } from '../defaults/controllers.js';
import { checkCompatible } from './compat.js';
import { translateSourcePool } from './pool.js';

/*
 * The persistent-config half of attach/detach/update (qemuDomainAttachDeviceConfig,
 * qemuDomainDetachDeviceConfig, qemuDomainUpdateDeviceConfig): each edits a copy of the
 * persistent definition; the caller runs the post-parse and saves it.
 */

const CHR_KINDS = ['serial', 'parallel', 'console', 'channel'];

/** virDomainDeviceTypeToString: character devices are all 'chr'. */
export const deviceTypeName = (d: DeviceDef): string => (CHR_KINDS.includes(d.kind) ? 'chr' : d.kind);

const invalid = (msg: string) => virErr('OPERATION_INVALID', msg);
const missing = (msg: string) => virErr('DEVICE_MISSING', msg);
const ofKind = (def: DomainDef, kind: DeviceDef['kind']) => def.devices.filter((d) => d.kind === kind);
const isSerialConsole = (d: DeviceDef) => d.kind === 'console' && attr(sub(d.el, 'target'), 'type') === 'serial';

/** virDomainDiskInsert: disks are the first kind of `devices`, ordered by bus and target. */
function addDisk(def: DomainDef, disk: DeviceDef): void {
  const disks = ofKind(def, 'disk');
  insertDisk(disks, disk);
  def.devices = [...disks, ...def.devices.filter((d) => d.kind !== 'disk')];
}

const remove = (def: DomainDef, i: number) => def.devices.splice(i, 1);

/** Per-kind steps of qemuDomainAttachDeviceConfig; kinds not listed are refused. */
const ATTACH: Partial<Record<DeviceDef['kind'] | 'chr', (def: DomainDef, dev: DeviceDef) => void>> = {
  disk(def, dev) {
    const a = dev.info.address;
    if (diskBus(dev) === 'scsi' && a?.type === 'drive' && a.bus === 0 && a.target === 0 && scsiUnitUsed(def, a.controller, a.unit))
      throw invalid('Domain already contains a disk with that address');
    addDisk(def, dev);
  },
  hostdev(def, dev) {
    if (findEqualDevice(def, dev) >= 0) throw invalid('device is already in the domain configuration');
    insertDevice(def.devices, dev);
  },
  shmem(def, dev) {
    if (ofKind(def, 'shmem').some((s) => attr(s.el, 'name') === attr(dev.el, 'name'))) throw invalid('device is already in the domain configuration');
    insertDevice(def.devices, dev);
  },
  controller(def, dev) {
    if (controllerIndex(dev) !== -1 && findController(def, controllerType(dev), controllerIndex(dev)) >= 0)
      throw invalid(`controller index='${controllerIndex(dev)}' already exists`);
    insertController(def, dev);
  },
  chr(def, dev) {
    if (isSerialConsole(dev)) throw virErr('OPERATION_UNSUPPORTED', 'attaching serial console is not supported');
    if (findEqualDevice(def, dev) >= 0) throw invalid('chardev already exists');
    insertDevice(def.devices, dev);
  },
  filesystem(def, dev) {
    if (findFilesystem(def, attr(sub(dev.el, 'target'), 'dir')) >= 0) throw invalid('Target already exists');
    insertDevice(def.devices, dev);
  },
  rng(def, dev) {
    const a = dev.info.address;
    if (a && def.devices.some((d) => JSON.stringify(d.info.address) === JSON.stringify(a)))
      throw virErr('CONFIG_UNSUPPORTED', 'a device with the same address already exists ');
    insertDevice(def.devices, dev);
  },
  watchdog(def, dev) {
    if (ofKind(def, 'watchdog').length) throw invalid('domain already has a watchdog');
    insertDevice(def.devices, dev);
  },
  vsock(def, dev) {
    if (ofKind(def, 'vsock').length) throw invalid('domain already has a vsock device');
    insertDevice(def.devices, dev);
  },
};
for (const kind of ['interface', 'sound', 'input', 'redirdev', 'lease'] as const) ATTACH[kind] = (def, dev) => insertDevice(def.devices, dev);

const kindKey = (dev: DeviceDef) => (CHR_KINDS.includes(dev.kind) ? 'chr' : dev.kind);

export async function attachConfig(def: DomainDef, dev: DeviceDef): Promise<void> {
  checkCompatible(def, dev);
  const step = ATTACH[kindKey(dev)];
  if (!step) throw virErr('OPERATION_UNSUPPORTED', `persistent attach of device '${deviceTypeName(dev)}' is not supported`);
  if (dev.kind === 'disk') {
    const dst = diskDst(dev) ?? '';
    if (findDiskByName(def, dst, true) >= 0) throw invalid(`target ${dst} already exists`);
    await translateSourcePool(dev);
  }
  step(def, dev);
}

/** Not-found errors of qemuDomainDetachDeviceConfig for the kinds found by an equal device. */
const DETACH_BY_EQUAL: Partial<Record<DeviceDef['kind'], () => Error>> = {
  sound: () => missing('device not present in domain configuration'),
  hostdev: () => missing('device not present in domain configuration'),
  rng: () => missing('no matching RNG device was found'),
  memory: () => missing('matching memory device was not found'),
  redirdev: () => missing('no matching redirdev was not found'),
  input: () => missing('matching input device not found'),
  lease: () => missing('device not present in domain configuration'),
};

/** qemuDomainDetachDeviceConfig: finds the device `dev` names and removes it. */
export function detachConfig(def: DomainDef, dev: DeviceDef): void {
  const key = kindKey(dev);
  if (key === 'disk') {
    const dst = diskDst(dev) ?? '';
    const i = findDiskByName(def, dst);
    if (i < 0) throw missing(`no target device ${dst}`);
    remove(def, i);
  } else if (key === 'interface') {
    remove(def, findInterface(def, dev));
  } else if (key === 'controller') {
    const i = findController(def, controllerType(dev), controllerIndex(dev));
    if (i < 0) throw missing('device not present in domain configuration');
    remove(def, i);
  } else if (key === 'chr') {
    detachChr(def, dev);
  } else if (key === 'filesystem') {
    const i = findFilesystem(def, attr(sub(dev.el, 'target'), 'dir'));
    if (i < 0) throw missing('no matching filesystem device was found');
    remove(def, i);
  } else if (key === 'shmem') {
    const i = def.devices.findIndex((d) => d.kind === 'shmem' && attr(d.el, 'name') === attr(dev.el, 'name'));
    if (i < 0) throw missing('matching shmem device was not found');
    remove(def, i);
  } else if (key === 'watchdog') {
    const i = def.devices.findIndex((d) => d.kind === 'watchdog');
    if (i < 0) throw missing('domain has no watchdog');
    remove(def, i);
  } else if (key === 'vsock') {
    const i = findEqualDevice(def, dev);
    if (i < 0) throw virErr('OPERATION_FAILED', 'matching vsock device not found');
    remove(def, i);
  } else {
    const notFound = DETACH_BY_EQUAL[dev.kind];
    if (!notFound) throw virErr('OPERATION_UNSUPPORTED', `persistent detach of device '${deviceTypeName(dev)}' is not supported`);
    const i = findEqualDevice(def, dev);
    if (i < 0) throw notFound();
    remove(def, i);
  }
}

/**
 * qemuDomainChrRemove: the serial console alias cannot go by itself; removing the first serial
 * port also removes the console that mirrors it.
 */
function detachChr(def: DomainDef, dev: DeviceDef): void {
  if (isSerialConsole(dev)) throw invalid('detaching serial console is not supported');
  const i = findEqualDevice(def, dev);
  if (i < 0) throw virErr('INVALID_ARG', 'device not present in domain configuration');
  const firstSerial = ofKind(def, 'serial')[0];
  const console0 = ofKind(def, 'console')[0];
  const mirrored = def.devices[i] === firstSerial && console0 && isSerialConsole(console0);
  remove(def, i);
  if (mirrored) remove(def, def.devices.indexOf(console0));
}

/** qemuDomainUpdateDeviceConfig: the device `dev` names is replaced by `dev` in place. */
export function updateConfig(def: DomainDef, dev: DeviceDef): void {
  let i: number;
  if (dev.kind === 'disk') {
    const dst = diskDst(dev) ?? '';
    i = findDiskByName(def, dst);
    if (i < 0) throw virErr('INVALID_ARG', `target ${dst} doesn't exist.`);
  } else if (dev.kind === 'graphics') {
    i = def.devices.findIndex((d) => d.kind === 'graphics' && attr(d.el, 'type') === attr(dev.el, 'type'));
    if (i < 0) throw virErr('INVALID_ARG', `cannot find existing graphics type '${attr(dev.el, 'type')}' device to modify`);
  } else if (dev.kind === 'interface') {
    i = findInterface(def, dev);
  } else if (dev.kind === 'memory') {
    i = def.devices.findIndex((d) => d.kind === 'memory' && JSON.stringify(d.info) === JSON.stringify(dev.info));
    if (i < 0) throw virErr('INVALID_ARG', 'memory not found');
  } else {
    throw virErr('OPERATION_UNSUPPORTED', `persistent update of device '${deviceTypeName(dev)}' is not supported`);
  }
  checkCompatible(def, dev, def.devices[i]);
  def.devices[i] = dev;
}
