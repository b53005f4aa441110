import { SnapshotRevert as R } from '../../../api/snapshot.js';
import { DomainState, PausedReason, RunningReason, ShutoffReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { snapshotIsExternal, snapshotIsOnline, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { defOf, type MomentObj } from '../../../snapshot/moments.js';
import { isActive } from '../domain/obj.js';
import { forEachQcow2 } from './offline.js';
import { setCurrent, writeMetadata, type SnapshotScope } from './state.js';
import { DomainLifecycle as Ev, LifecycleDetail as Detail } from '../../../api/events.js';
import { emitLifecycle } from '../events/index.js';
import { startDomain } from '../lifecycle/start.js';
import { removeTransient, stopDomain } from '../lifecycle/stop.js';
import { saveStatus } from '../lifecycle/status.js';
import { startCpus } from './cpus.js';
import { loadvm } from './hmp.js';

export const SNAPSHOT_REVERT_ALLOWED = R.RUNNING | R.PAUSED | R.FORCE | R.RESET_NVRAM;

/** qemuSnapshotRevertValidate */
function validate(scope: SnapshotScope, def: SnapshotDef, flags: number): void {
  const { obj } = scope;
  if (!obj.persistent && !snapshotIsOnline(def) && !(flags & (R.RUNNING | R.PAUSED))) {
    throw virErr('OPERATION_INVALID', 'transient domain needs to request run or pause to revert to inactive snapshot');
  }
  if (snapshotIsExternal(def)) throw virErr('CONFIG_UNSUPPORTED', 'revert to external snapshot not supported yet');
  if (!def.dom) throw virErr('SNAPSHOT_REVERT_RISKY', `snapshot '${def.name}' lacks domain '${obj.def.name}' rollback info`);
  if (!(flags & R.FORCE) && obj.hasManagedSave && !snapshotIsOnline(def)) {
    throw virErr(
      'SNAPSHOT_REVERT_RISKY',
      'snapshot without memory state, removal of existing managed saved state strongly recommended to avoid corruption',
    );
  }
}

/** A captured definition under the domain's current name. */
function renamed(scope: SnapshotScope, def: DomainDef): DomainDef {
  const copy = structuredClone(def);
  copy.name = scope.obj.def.name;
  return copy;
}

/**
 * qemuSnapshotRevertPrep: the definition to run (a live snapshot's captured one) and the
 * domain's configuration after the revert (the captured inactive one; a live snapshot
 * without it, or an offline snapshot, gives its only definition).
 */
function prep(scope: SnapshotScope, def: SnapshotDef): { config: DomainDef; inactive: DomainDef } {
  const config = renamed(scope, def.dom as DomainDef);
  return { config, inactive: def.inactiveDom ? renamed(scope, def.inactiveDom) : snapshotIsOnline(def) ? structuredClone(config) : config };
}

/** qemuSnapshotRevertWriteMetadata: current snapshot, then the domain's restored config. */
function finish(scope: SnapshotScope, snap: MomentObj<SnapshotDef>): void {
  setCurrent(scope, snap);
  try {
    writeMetadata(scope, snap);
  } catch (e) {
    scope.list.current = undefined;
    throw e;
  }
  const { drv, obj } = scope;
  if (!obj.persistent) return;
  drv.saveDef(obj, obj.newDef ?? obj.def);
  emitLifecycle(drv, obj, Ev.DEFINED, Detail.DEFINED_FROM_SNAPSHOT);
}

/** Transitions 4 to 9 begin here: the running guest's QEMU ends, the domain stays listed. */
async function stopForRevert(scope: SnapshotScope): Promise<void> {
  const { drv, obj } = scope;
  if (!isActive(obj)) return;
  await stopDomain(drv, obj, ShutoffReason.FROM_SNAPSHOT, { keepTransient: true });
  emitLifecycle(drv, obj, Ev.STOPPED, Detail.STOPPED_FROM_SNAPSHOT);
}

/**
 * qemuSnapshotRevertActive (transitions 2, 3, 5, 6, 8, 9): a fresh QEMU starts paused from
 * the captured definition and loads the snapshot's state; it runs again unless the snapshot
 * was paused or --paused asks so (--running wins).
 */
async function revertActive(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): Promise<void> {
  const { drv, obj } = scope;
  const def = defOf(snap);
  const { config, inactive } = prep(scope, def);
  await stopForRevert(scope);
  // virDomainObjAssignDef(inactive, live=false), then (config, live=true) on the stopped domain.
  obj.def = config;
  try {
    await startDomain(drv, obj, { paused: true });
    if (obj.persistent) obj.newDef = inactive;
    const proc = obj.proc;
    if (!proc) throw virErr('INTERNAL_ERROR', 'guest unexpectedly quit');
    try {
      await loadvm(proc.qmp, def.name, obj.def.emulator ?? 'qemu-system-x86_64', proc.paths.log);
    } catch (e) {
      await stopDomain(drv, obj, ShutoffReason.FAILED, { keepTransient: true });
      throw e;
    }
  } finally {
    emitLifecycle(drv, obj, Ev.STARTED, Detail.STARTED_FROM_SNAPSHOT);
  }
  if (!(flags & R.RUNNING) && (def.state === 'paused' || flags & R.PAUSED)) {
    obj.state = DomainState.PAUSED;
    obj.reason = PausedReason.FROM_SNAPSHOT;
    saveStatus(drv.paths, obj);
    emitLifecycle(drv, obj, Ev.SUSPENDED, Detail.SUSPENDED_FROM_SNAPSHOT);
  } else {
    await startCpus(drv, obj, RunningReason.FROM_SNAPSHOT);
  }
  finish(scope, snap);
}

/**
 * qemuSnapshotRevertInactive (transitions 1, 4, 7): a running guest is stopped first, then
 * qemu-img applies the internal snapshot to every image, the captured definition becomes
 * the domain's, and --running/--paused start it (announced as from the snapshot).
 */
async function revertInactive(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): Promise<void> {
  const { drv, obj } = scope;
  const def = defOf(snap);
  const { inactive } = prep(scope, def);
  await stopForRevert(scope);
  const { skipped, lastError } = await forEachQcow2(def.dom ?? obj.def, def, '-a', true);
  if (skipped) {
    removeTransient(drv, obj);
    throw lastError ?? virErr('INTERNAL_ERROR', 'An error occurred, but the cause is unknown');
  }
  obj.def = inactive;
  if (flags & (R.RUNNING | R.PAUSED)) {
    const paused = !!(flags & R.PAUSED);
    await startDomain(drv, obj, { paused });
    emitLifecycle(drv, obj, Ev.STARTED, Detail.STARTED_FROM_SNAPSHOT);
    if (paused) emitLifecycle(drv, obj, Ev.SUSPENDED, Detail.SUSPENDED_FROM_SNAPSHOT);
  }
  finish(scope, snap);
}

/** qemuSnapshotRevert after the lookup. */
export async function revertSnapshot(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): Promise<void> {
  const def = defOf(snap);
  validate(scope, def, flags);
  switch (def.state) {
    case 'running':
    case 'paused':
      return revertActive(scope, snap, flags);
    case 'shutdown':
    case 'shutoff':
    case 'crashed':
      return revertInactive(scope, snap, flags);
    case 'pmsuspended':
      throw virErr('OPERATION_UNSUPPORTED', "qemu doesn't support reversion of snapshot taken in PMSUSPENDED state");
    default:
      throw virErr('INTERNAL_ERROR', `Invalid target domain state '${def.state ?? 'nostate'}'. Refusing snapshot reversion`);
  }
}
