// qemuDomainObjStart's managed save branch: a domain with a managed save image starts from it
// (the image goes once the guest runs); --force-boot discards it; an incomplete image is
// removed and the domain boots.
import { existsSync, unlinkSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import type { QemuDriver } from '../driver.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import { startDomain } from '../lifecycle/start.js';
import { managedSavePath } from './paths.js';
import { restoreManaged } from './restore.js';

/** Starts `obj`; true when it was restored from its managed save image rather than booted. */
export async function startOrRestore(drv: QemuDriver, obj: QemuDomainObj, options: { paused: boolean; forceBoot: boolean }): Promise<boolean> {
  if (isActive(obj)) throw virErr('OPERATION_INVALID', 'domain is already running');
  const path = managedSavePath(drv.paths, obj.def.name);
  if (existsSync(path)) {
    if (options.forceBoot) {
      try {
        unlinkSync(path);
      } catch (e) {
        throw virErr('SYSTEM_ERROR', `cannot remove managed save file ${path}: ${strerror(e)}`, 'QEMU');
      }
      obj.hasManagedSave = false;
    } else {
      if (await restoreManaged(drv, obj, path, options.paused)) {
        // libvirt only warns when the used image cannot be removed.
        try {
          unlinkSync(path);
          obj.hasManagedSave = false;
        } catch {
          // Left for managedsave-remove.
        }
        return true;
      }
      obj.hasManagedSave = false;
    }
  }
  await startDomain(drv, obj, { paused: options.paused });
  return false;
}

/** qemuDomainManagedSaveLoad: whether each domain has an image, as the driver loads. */
export function hasManagedSaveImage(drv: QemuDriver, name: string): boolean {
  return existsSync(managedSavePath(drv.paths, name));
}

/** qemuDomainUndefineFlags: an existing image refuses the undefine unless it may go with it. */
export function removeManagedSaveForUndefine(drv: QemuDriver, obj: QemuDomainObj, remove: boolean): void {
  const path = managedSavePath(drv.paths, obj.def.name);
  if (!existsSync(path)) return;
  if (!remove) throw virErr('OPERATION_INVALID', 'Refusing to undefine while domain managed save image exists');
  try {
    unlinkSync(path);
  } catch {
    throw virErr('INTERNAL_ERROR', 'Failed to remove domain managed save image', 'QEMU');
  }
  obj.hasManagedSave = false;
}
