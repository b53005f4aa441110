import { DomainState } from '../../../api/domain.js';
import type { QemuDriver } from '../driver.js';
import { handleOf, type QemuDomainObj } from '../domain/obj.js';
import { releaseHost } from './host-dirs.js';
import { removeStatus } from './status.js';
import { stateReasonName } from './state-names.js';
import { discardAllMetadata } from '../snapshot/delete.js';
import { scopeOf, removeSnapshotDir } from '../snapshot/state.js';

/**
 * qemuProcessStop: the guest's QEMU is ended if still running and its runtime files go; the
 * domain becomes inactive with `reason`, takes its next-boot definition back, and a transient
 * domain disappears (qemuDomainRemoveInactive) unless `keepTransient` (a snapshot revert
 * starts it again).
 */
export async function stopDomain(drv: QemuDriver, obj: QemuDomainObj, reason: number, options: { keepTransient?: boolean } = {}): Promise<void> {
  const proc = obj.proc;
  // Cleared first: the monitor's end-of-file, which the kill below causes, is then not ours.
  obj.proc = undefined;
  if (proc) await proc.stop(stateReasonName(DomainState.SHUTOFF, reason));
  removeStatus(drv.paths, obj.def.name);
  if (obj.id !== -1) releaseHost(drv, obj.def, obj.id);
  obj.id = -1;
  obj.state = DomainState.SHUTOFF;
  obj.reason = reason;
  obj.fakeReboot = false;
  obj.beingDestroyed = false;
  obj.taints = undefined;
  obj.nodenameIndex = undefined;
  if (obj.newDef) {
    obj.def = obj.newDef;
    obj.newDef = undefined;
  }
  if (!obj.persistent && !options.keepTransient) removeTransient(drv, obj);
  drv.updateInhibit();
}

/** qemuDomainRemoveInactive of a transient domain: its snapshot metadata and directory go with it. */
export function removeTransient(drv: QemuDriver, obj: QemuDomainObj): void {
  if (obj.persistent) return;
  discardAllMetadata(scopeOf(drv, handleOf(obj)));
  removeSnapshotDir(drv, obj);
  drv.domains.remove(obj);
}
