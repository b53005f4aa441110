import { virErr } from '../../../errors.js';
import { findDiskByName, findInterface, type DeviceDef } from '../../../xml/domain/index.js';
import { diskDst } from '../../../xml/domain/devices/disk.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { saveStatus } from '../lifecycle/status.js';
import { DomainEventID } from '../../../api/events.js';
import { emitDomainEvent } from '../events/index.js';
import { deviceTypeName } from './config.js';
import { attachDisk, checkDiskDetachable } from './live/disk.js';
import { changeMedia } from './live/media.js';
import { attachNet, updateNet } from './live/net.js';
import { removeDevice } from './live/remove.js';
import { pinNodeIndex } from './live/node-index.js';
import { unplugDevice } from './live/unplug.js';

/**
 * The running-guest half of the device calls (qemuDomainAttachDeviceLive,
 * qemuDomainDetachDeviceLive, qemuDomainUpdateDeviceLive) for disks and interfaces; other
 * kinds are refused as libvirt refuses them, or explicitly where libvirt could but this driver
 * cannot. An inactive guest never gets here (LIVE on it fails with "domain is not running"
 * before any parsing). After each change the status file is saved (qemuDomainSaveStatus), so
 * a later process sees the new live definition; a failed step saves nothing, as libvirt's
 * modify jobs are not tracked in the status. ops.ts runs the config half first and saves the
 * config only after this succeeds.
 *
 * `dev` was parsed against obj.def (the live definition); for attach with CONFIG too it
 * carries the config copy's generated MAC, as qemuDomainAttachDeviceLiveAndConfigHomogenize
 * leaves it.
 */
export interface LiveDevicePath {
  attach(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef): Promise<void>;
  /** `async`: device_del only, the removal left to DEVICE_DELETED (detach by alias). */
  detach(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef, async?: boolean): Promise<void>;
  update(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef, force: boolean): Promise<void>;
}

/** Kinds libvirt has no live attach or detach for at all. */
const NO_HOTPLUG: DeviceDef['kind'][] = ['sound', 'video', 'graphics', 'hub', 'smartcard', 'memballoon', 'nvram', 'tpm', 'panic', 'iommu', 'audio'];

/** The kinds libvirt has no live update for (everything but disk, graphics, interface, memory). */
const UPDATABLE: DeviceDef['kind'][] = ['disk', 'graphics', 'interface', 'memory'];

const notByThisDriver = (what: string, dev: DeviceDef) =>
  virErr('OPERATION_UNSUPPORTED', `live ${what} of device '${deviceTypeName(dev)}' is not supported by virsh-ts`);

/** A removable drive the attached disk names by target: attach means a media change. */
function mediaDrive(obj: QemuDomainObj, dev: DeviceDef): DeviceDef | undefined {
  const device = dev.el.attrs.find(([k]) => k === 'device')?.[1];
  if (device !== 'cdrom' && device !== 'floppy') return undefined;
  const i = findDiskByName(obj.def, diskDst(dev) ?? '');
  return i >= 0 ? obj.def.devices[i] : undefined;
}

async function attach(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef): Promise<void> {
  if (NO_HOTPLUG.includes(dev.kind)) throw virErr('OPERATION_UNSUPPORTED', `live attach of device '${deviceTypeName(dev)}' is not supported`);
  pinNodeIndex(obj);
  const drive = dev.kind === 'disk' ? mediaDrive(obj, dev) : undefined;
  if (drive) await changeMedia(drv, obj, drive, dev, false);
  else if (dev.kind === 'disk') await attachDisk(drv, obj, dev);
  else if (dev.kind === 'interface') await attachNet(obj, dev);
  else throw notByThisDriver('attach', dev);
  // A media change has no new device to announce.
  if (!drive) emitDomainEvent(drv, obj, DomainEventID.DEVICE_ADDED, { devAlias: dev.info.alias });
  saveStatus(drv.paths, obj);
}

/** The live device `dev` designates, with qemuDomainDetachPrep*'s errors. */
function detachTarget(obj: QemuDomainObj, dev: DeviceDef): DeviceDef {
  if (dev.kind === 'disk') {
    const i = findDiskByName(obj.def, diskDst(dev) ?? '');
    if (i < 0) throw virErr('DEVICE_MISSING', `disk ${diskDst(dev)} not found`);
    checkDiskDetachable(obj.def.devices[i]);
    return obj.def.devices[i];
  }
  if (dev.kind === 'interface') return obj.def.devices[findInterface(obj.def, dev)];
  if (NO_HOTPLUG.includes(dev.kind)) throw virErr('OPERATION_UNSUPPORTED', `live detach of device '${deviceTypeName(dev)}' is not supported`);
  throw notByThisDriver('detach', dev);
}

async function detach(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef, async = false): Promise<void> {
  const target = detachTarget(obj, dev);
  const alias = target.info.alias;
  if (!alias) throw virErr('INTERNAL_ERROR', `Cannot detach ${deviceTypeName(target)} device with no alias`);
  const a = target.info.address;
  if (a?.type === 'pci' && a.multifunction === 'on') {
    const addr = `${a.domain.toString(16).padStart(4, '0')}:${a.bus.toString(16).padStart(2, '0')}:${a.slot.toString(16).padStart(2, '0')}.${a.function}`;
    throw virErr('OPERATION_FAILED', `cannot hot unplug ${deviceTypeName(target)} device with multifunction PCI guest address: ${addr}`);
  }
  pinNodeIndex(obj);
  // A guest that does not answer in time keeps the device until QEMU reports it gone.
  if (await unplugDevice(obj, alias, !async)) await removeDevice(drv, obj, target);
  saveStatus(drv.paths, obj);
}

async function update(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef, force: boolean): Promise<void> {
  if (!UPDATABLE.includes(dev.kind)) throw virErr('CONFIG_UNSUPPORTED', `live update of device '${deviceTypeName(dev)}' is not supported`);
  pinNodeIndex(obj);
  if (dev.kind === 'disk') {
    await updateDisk(drv, obj, dev, force);
  } else if (dev.kind === 'interface') {
    await updateNet(obj, dev);
  } else {
    throw notByThisDriver('update', dev);
  }
  saveStatus(drv.paths, obj);
}

/** qemuDomainChangeDiskLive: only a removable drive's source may change. */
async function updateDisk(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef, force: boolean): Promise<void> {
  const dst = diskDst(dev) ?? '';
  const i = findDiskByName(obj.def, dst);
  if (i < 0) throw virErr('INTERNAL_ERROR', `disk '${dst}' not found`);
  const orig = obj.def.devices[i];
  if (dev.info.alias && orig.info.alias && dev.info.alias !== orig.info.alias) throw virErr('OPERATION_DENIED', 'changing device alias is not allowed');
  // qemuDomainDiskChangeSupported, for the fields an update is most likely to touch.
  const field = (d: DeviceDef, name: 'device' | 'bus') =>
    name === 'device' ? (d.el.attrs.find(([k]) => k === 'device')?.[1] ?? 'disk') : d.el.children.find((c) => c.name === 'target')?.attrs.find(([k]) => k === 'bus')?.[1];
  for (const name of ['device', 'bus'] as const)
    if (field(dev, name) !== field(orig, name)) throw virErr('OPERATION_UNSUPPORTED', `cannot modify field '${name}' of the disk`);
  const source = (d: DeviceDef) => {
    const src = d.el.children.find((c) => c.name === 'source');
    return src && (src.attrs.find(([k]) => k === 'file' || k === 'dev')?.[1] ?? '');
  };
  if ((source(orig) ?? '') === (source(dev) ?? '')) return;
  const device = orig.el.attrs.find(([k]) => k === 'device')?.[1];
  if (device !== 'cdrom' && device !== 'floppy') throw virErr('CONFIG_UNSUPPORTED', 'disk source can be changed only in removable drives');
  await changeMedia(drv, obj, orig, dev, force);
}

export const livePath: LiveDevicePath = { attach, detach, update };
