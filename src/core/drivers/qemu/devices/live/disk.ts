// Disks of a running guest: hotplug (qemuDomainAttachDeviceDiskLiveInternal and
// qemuDomainAttachDiskGeneric) and the checks and removal of a hot-unplug
// (qemuDomainDetachPrepDisk, qemuDomainRemoveDiskDevice).
import { virErr } from '../../../../errors.js';
import { attr, sub } from '../../../../xml/domain/elem.js';
import { diskView, type DeviceDef, type DomainDef } from '../../../../xml/domain/index.js';
import { scsiUnitUsed } from '../../../../xml/domain/devices/postparse.js';
import { insertDisk } from '../../../../xml/domain/devices/disk.js';
import type { QemuDriver } from '../../driver.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import { checkStorage } from '../../lifecycle/prepare-host.js';
import { addNodes, delNodes, diskBackend, nodeNames } from './disk-backend.js';
import { nextNodeIndex } from './node-index.js';
import { diskAlias, driveController, placePci } from './placement.js';
import { ensureScsiControllers } from './scsi-controller.js';

const NOT_HOTPLUGGABLE = ['ide', 'fdc', 'xen', 'uml', 'sata', 'sd', 'none'];

/** The guest's QMP, which only an active guest has. */
export function monitorOf(obj: QemuDomainObj) {
  if (!obj.proc) throw virErr('OPERATION_INVALID', 'domain is not running');
  return obj.proc.qmp;
}

export async function attachDisk(drv: QemuDriver, obj: QemuDomainObj, disk: DeviceDef): Promise<void> {
  const def = obj.def;
  const v = diskView(disk);
  if (v.device === 'floppy') throw virErr('OPERATION_UNSUPPORTED', "floppy device hotplug isn't supported");
  if (v.type !== 'file' && v.type !== 'block') throw virErr('CONFIG_UNSUPPORTED', `live attach of disk type '${v.type}' is not supported by virsh-ts`);
  // qemuDomainDetermineDiskChain: the image must be there.
  checkStorage({ ...def, devices: [disk] }, drv.caps.conf);
  for (const d of def.devices.filter((x) => x.kind === 'disk')) {
    if (diskView(d).target === v.target)
      throw virErr('XML_ERROR', `target '${v.target}' duplicated for disk sources '${diskView(d).source ?? '<null>'}' and '${v.source ?? '<null>'}'`);
  }
  const bus = v.bus ?? 'none';
  const a = disk.info.address;
  if (bus === 'usb') throw virErr('CONFIG_UNSUPPORTED', `live attach of a disk on bus '${bus}' is not supported by virsh-ts`);
  if (bus === 'virtio') placePci(def, disk);
  if (bus === 'scsi') {
    checkScsiSlot(def, disk);
    if (a?.type === 'drive') await ensureScsiControllers(obj, a.controller);
  }
  // libvirt reports the bus as not hotpluggable but carries on; what ends the attempt is the
  // missing controller's alias, or QEMU refusing the device on that bus.
  if (NOT_HOTPLUGGABLE.includes(bus) && a?.type === 'drive' && !driveController(def, bus, a.controller))
    throw virErr('INTERNAL_ERROR', `Could not find ${bus} controller with index ${a.controller} required for device`);
  diskAlias(def, disk);
  const backend = diskBackend(def, disk, nextNodeIndex(obj));
  const qmp = monitorOf(obj);
  await addNodes(qmp, backend.nodes);
  try {
    await qmp.execute('device_add', backend.device);
  } catch (err) {
    await delNodes(
      qmp,
      backend.nodes.map((n) => String(n['node-name'])),
    );
    throw err;
  }
  const disks = def.devices.filter((d) => d.kind === 'disk');
  insertDisk(disks, disk);
  def.devices = [...disks, ...def.devices.filter((d) => d.kind !== 'disk')];
}

/** The SCSI case of the hotplug: a drive address that no disk holds yet. */
function checkScsiSlot(def: DomainDef, disk: DeviceDef): void {
  const a = disk.info.address;
  if (a?.type !== 'drive') throw virErr('INTERNAL_ERROR', `unexpected disk address type ${a?.type ?? 'none'}`);
  if (a.bus === 0 && a.target === 0 && scsiUnitUsed(def, a.controller, a.unit)) throw virErr('OPERATION_INVALID', 'Domain already contains a disk with that address');
}

/** qemuDomainDetachPrepDisk: which disks can leave a running guest. */
export function checkDiskDetachable(disk: DeviceDef): void {
  const v = diskView(disk);
  if (v.device === 'disk' || v.device === 'lun') {
    if (NOT_HOTPLUGGABLE.includes(v.bus ?? 'none')) throw virErr('OPERATION_UNSUPPORTED', 'This type of disk cannot be hot unplugged');
    return;
  }
  if (v.device === 'cdrom' && (v.bus === 'usb' || v.bus === 'scsi')) return;
  throw virErr('OPERATION_UNSUPPORTED', `disk device type '${v.device}' cannot be detached`);
}

/** qemuDomainRemoveDiskDevice: once the frontend is gone, its nodes go, then the disk. */
export async function removeDisk(obj: QemuDomainObj, disk: DeviceDef): Promise<void> {
  const index = attr(sub(disk.el, 'source'), 'index');
  if (index !== undefined) await delNodes(monitorOf(obj), nodeNames(Number(index)));
  obj.def.devices = obj.def.devices.filter((d) => d !== disk);
}
