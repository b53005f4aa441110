import { DomainState, PausedReason, RunningReason, ShutoffReason } from '../../../api/domain.js';
import { SnapshotRevert } from '../../../api/snapshot.js';
import { virErr } from '../../../errors.js';
import { snapshotIsOnline, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { copyDef } from '../domain/defs.js';
import { isActive, shutdownState, startState, type DomainObj, type DomainsState } from '../domain/state.js';
import { defOf, type MomentList, type MomentObj } from '../../../snapshot/moments.js';
import { DomainLifecycle as Ev, LifecycleDetail as D } from '../../../api/events.js';

/** Queues a lifecycle event for the domain as it is at that moment. */
export type LifecycleEmit = (event: number, detail: number) => void;

const R = SnapshotRevert;

/** testDomainRevertToSnapshot, after the lookups: swaps the definition and state back. */
export function revertToSnapshot(
  domains: DomainsState,
  list: MomentList<SnapshotDef>,
  obj: DomainObj,
  snap: MomentObj<SnapshotDef>,
  flags: number,
  emit: LifecycleEmit,
): void {
  const def = defOf(snap);
  const online = snapshotIsOnline(def);
  if (!obj.persistent && !online && !(flags & (R.RUNNING | R.PAUSED))) {
    throw virErr(
      'OPERATION_INVALID',
      'transient domain needs to request run or pause to revert to inactive snapshot',
      'DOMAIN',
    );
  }
  if (!def.dom) {
    throw virErr('SNAPSHOT_REVERT_RISKY', `snapshot '${def.name}' lacks domain '${obj.def.name}' rollback info`, 'DOMAIN');
  }
  list.current = undefined;
  const config = copyDef(def.dom);
  if (online) {
    if (isActive(obj)) {
      shutdownState(obj, ShutoffReason.FROM_SNAPSHOT);
      emit(Ev.STOPPED, D.STOPPED_FROM_SNAPSHOT);
    }
    obj.def = config;
    startState(domains, obj, RunningReason.FROM_SNAPSHOT, copyDef);
    emit(Ev.STARTED, D.STARTED_FROM_SNAPSHOT);
    if (!(flags & R.RUNNING) && (def.state === 'paused' || flags & R.PAUSED)) {
      obj.state = DomainState.PAUSED;
      obj.reason = PausedReason.FROM_SNAPSHOT;
      emit(Ev.SUSPENDED, D.SUSPENDED_FROM_SNAPSHOT);
    }
  } else {
    // virDomainObjAssignDef(live=false): a running domain gets it as its next configuration.
    if (isActive(obj)) obj.newDef = config;
    else obj.def = config;
    if (isActive(obj)) {
      shutdownState(obj, ShutoffReason.FROM_SNAPSHOT);
      emit(Ev.STOPPED, D.STOPPED_FROM_SNAPSHOT);
    }
    // libvirt announces the start it was asked for without starting the domain.
    if (flags & (R.RUNNING | R.PAUSED)) emit(Ev.STARTED, D.STARTED_FROM_SNAPSHOT);
    if (flags & R.PAUSED) emit(Ev.SUSPENDED, D.SUSPENDED_FROM_SNAPSHOT);
  }
  list.current = snap;
}
