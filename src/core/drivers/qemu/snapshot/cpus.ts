// qemuProcessStopCPUs / qemuProcessStartCPUs as the snapshot code uses them: the reason is
// the caller's, and so is the lifecycle event's detail. The state changes before the QMP
// command, so QEMU's own STOP/RESUME event (guest-events.ts) finds it made and stays quiet.
import { DomainState, PausedReason, RunningReason, ShutoffReason } from '../../../api/domain.js';
import { DomainLifecycle as Ev, LifecycleDetail as Detail } from '../../../api/events.js';
import { virErr } from '../../../errors.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { emitLifecycle } from '../events/index.js';
import { saveStatus } from '../lifecycle/status.js';
import { stopDomain } from '../lifecycle/stop.js';

/** qemuDomainPausedReasonToSuspendedEvent for the reasons used here. */
const suspendedDetail = (reason: number) => (reason === PausedReason.FROM_SNAPSHOT ? Detail.SUSPENDED_FROM_SNAPSHOT : Detail.SUSPENDED_PAUSED);
/** qemuDomainRunningReasonToResumeEvent for the reasons used here. */
const resumedDetail = (reason: number) => (reason === RunningReason.FROM_SNAPSHOT ? Detail.RESUMED_FROM_SNAPSHOT : Detail.RESUMED_UNPAUSED);

const quit = () => virErr('INTERNAL_ERROR', 'guest unexpectedly quit');

async function switchCpus(drv: QemuDriver, obj: QemuDomainObj, command: 'stop' | 'cont', state: number, reason: number, detail: number): Promise<void> {
  const proc = obj.proc;
  if (!proc) throw quit();
  const before = { state: obj.state, reason: obj.reason };
  obj.state = state;
  obj.reason = reason;
  try {
    await proc.qmp.execute(command);
  } catch (e) {
    Object.assign(obj, before);
    throw e;
  }
  saveStatus(drv.paths, obj);
  emitLifecycle(drv, obj, command === 'stop' ? Ev.SUSPENDED : Ev.RESUMED, detail);
}

export const stopCpus = (drv: QemuDriver, obj: QemuDomainObj, reason: number) =>
  switchCpus(drv, obj, 'stop', DomainState.PAUSED, reason, suspendedDetail(reason));

export const startCpus = (drv: QemuDriver, obj: QemuDomainObj, reason: number) =>
  switchCpus(drv, obj, 'cont', DomainState.RUNNING, reason, resumedDetail(reason));

/** --halt: the guest stops once its snapshot is taken (shut off (from snapshot)). */
export async function haltFromSnapshot(drv: QemuDriver, obj: QemuDomainObj): Promise<void> {
  await stopDomain(drv, obj, ShutoffReason.FROM_SNAPSHOT);
  emitLifecycle(drv, obj, Ev.STOPPED, Detail.STOPPED_FROM_SNAPSHOT);
}

/**
 * The guest paused for a snapshot runs on; a failure to resume it is reported (after the
 * snapshot's own failure, if any) with libvirt's suspended-on-API-error event.
 */
export async function resumeAfterSnapshot(drv: QemuDriver, obj: QemuDomainObj, failure: unknown): Promise<unknown> {
  if (!obj.proc) return failure;
  try {
    await startCpus(drv, obj, RunningReason.UNPAUSED);
  } catch (e) {
    emitLifecycle(drv, obj, Ev.SUSPENDED, Detail.SUSPENDED_API_ERROR);
    return failure ?? e;
  }
  return failure;
}
