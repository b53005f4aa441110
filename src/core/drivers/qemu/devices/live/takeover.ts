// What a takeover learns about a running guest's devices from QEMU (qemuProcessReconnect's
// qemuProcessUpdateDevices and qemuProcessRefreshDisks): a guest may finish an unplug after the
// process that asked has gone (it waits 5 s at most), and a drive may have lost its medium.
import type { DeviceDef } from '../../../../xml/domain/index.js';
import { setAttr, sub } from '../../../../xml/domain/elem.js';
import type { QemuDriver } from '../../driver.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import { removeDevice } from './remove.js';

/** Disks and interfaces QEMU no longer has are removed as if DEVICE_DELETED had come. */
async function removeUnplugged(drv: QemuDriver, obj: QemuDomainObj): Promise<void> {
  const children = await obj.proc!.qmp.execute<Array<{ name: string; type: string }>>('qom-list', { path: '/machine/peripheral' });
  const present = new Set(children.filter((c) => c.type.startsWith('child<')).map((c) => c.name));
  const gone = obj.def.devices.filter((d): d is DeviceDef => (d.kind === 'disk' || d.kind === 'interface') && !!d.info.alias && !present.has(d.info.alias));
  for (const d of gone) await removeDevice(drv, obj, d);
}

/** A removable drive QEMU reports empty gets an empty source (virDomainDiskEmptySource): no format either. */
async function refreshDisks(obj: QemuDomainObj): Promise<void> {
  const blocks = await obj.proc!.qmp.execute<Array<{ qdev?: string; removable: boolean; inserted?: unknown }>>('query-block');
  for (const b of blocks) {
    if (!b.removable || b.inserted) continue;
    const disk = obj.def.devices.find((d) => d.kind === 'disk' && d.info.alias === b.qdev);
    if (!disk) continue;
    disk.el.children = disk.el.children.filter((c) => c.name !== 'source' && c.name !== 'backingStore');
    const driver = sub(disk.el, 'driver');
    if (driver) setAttr(driver, 'type', undefined);
  }
}

export async function refreshDevices(drv: QemuDriver, obj: QemuDomainObj): Promise<void> {
  await removeUnplugged(drv, obj);
  await refreshDisks(obj);
}
