import { DomainState } from '../../../api/domain.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { releaseHost } from './host-dirs.js';
import { removeStatus } from './status.js';
import { stateReasonName } from './state-names.js';

/**
 * qemuProcessStop: the guest's QEMU is ended if still running and its runtime files go; the
 * domain becomes inactive with `reason`, takes its next-boot definition back, and a transient
 * domain disappears.
 */
export async function stopDomain(drv: QemuDriver, obj: QemuDomainObj, reason: number): Promise<void> {
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
  if (!obj.persistent) drv.domains.remove(obj);
  drv.updateInhibit();
}
