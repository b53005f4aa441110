// qemuDomainRemoveDevice for the kinds this driver unplugs: once the guest has let the frontend
// go, its backend goes, the live definition forgets it and DEVICE_REMOVED is announced.
import { DomainEventID } from '../../../../api/events.js';
import type { DeviceDef } from '../../../../xml/domain/index.js';
import type { QemuDriver } from '../../driver.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import { emitDomainEvent } from '../../events/index.js';
import { removeDisk } from './disk.js';
import { removeNet } from './net.js';

export async function removeDevice(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef): Promise<void> {
  if (dev.kind === 'disk') await removeDisk(obj, dev);
  else await removeNet(obj, dev);
  emitDomainEvent(drv, obj, DomainEventID.DEVICE_REMOVED, { devAlias: dev.info.alias });
}
