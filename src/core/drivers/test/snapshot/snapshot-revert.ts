import { DomainState, PausedReason, RunningReason, ShutoffReason } from '../../../api/domain.js';
import { SnapshotRevert } from '../../../api/snapshot.js';
import { virErr } from '../../../errors.js';
import { snapshotIsOnline, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { copyDef } from '../domain/defs.js';
import { isActive, shutdownState, startState, type DomainObj, type DomainsState } from '../domain/state.js';
import { defOf, type MomentList, type MomentObj } from './moments.js';

const R = SnapshotRevert;

/** testDomainRevertToSnapshot, after the lookups: swaps the definition and state back. */
export function revertToSnapshot(
  domains: DomainsState,
  list: MomentList<SnapshotDef>,
  obj: DomainObj,
  snap: MomentObj<SnapshotDef>,
  flags: number,
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
    if (isActive(obj)) shutdownState(obj, ShutoffReason.FROM_SNAPSHOT);
    obj.def = config;
    startState(domains, obj, RunningReason.FROM_SNAPSHOT, copyDef);
    if (!(flags & R.RUNNING) && (def.state === 'paused' || flags & R.PAUSED)) {
      obj.state = DomainState.PAUSED;
      obj.reason = PausedReason.FROM_SNAPSHOT;
    }
  } else {
    // virDomainObjAssignDef(live=false): a running domain gets it as its next configuration.
    if (isActive(obj)) obj.newDef = config;
    else obj.def = config;
    if (isActive(obj)) shutdownState(obj, ShutoffReason.FROM_SNAPSHOT);
  }
  list.current = snap;
}
