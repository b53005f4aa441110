import { SnapshotRevert as R } from '../../../api/snapshot.js';
import { unsupported, virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { snapshotIsExternal, snapshotIsOnline, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { defOf, type MomentObj } from '../../../snapshot/moments.js';
import { isActive } from '../domain/obj.js';
import { forEachQcow2 } from './offline.js';
import { setCurrent, writeMetadata, type SnapshotScope } from './state.js';
import { DomainLifecycle as Ev, LifecycleDetail as Detail } from '../../../api/events.js';
import { emitLifecycle } from '../events/index.js';
import { startDomain } from '../lifecycle/start.js';

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

/** qemuSnapshotRevertPrep's inactive configuration, renamed to the domain's current name. */
function inactiveConfig(scope: SnapshotScope, def: SnapshotDef): DomainDef {
  const config = structuredClone(def.inactiveDom ?? (def.dom as DomainDef));
  config.name = scope.obj.def.name;
  return config;
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

/**
 * qemuSnapshotRevert of a snapshot taken while the domain was off, on a shut-off domain
 * (transitions 1-3): qemu-img applies the internal snapshot to every image, the captured
 * definition becomes the domain's, and --running/--paused start it. Reverting a running
 * domain, or to a running snapshot (loadvm), goes through the QEMU monitor: the live path.
 */
export async function revertSnapshot(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): Promise<void> {
  const def = defOf(snap);
  validate(scope, def, flags);
  const config = inactiveConfig(scope, def);
  switch (def.state) {
    case 'shutdown':
    case 'shutoff':
    case 'crashed':
      break;
    case 'running':
    case 'paused':
      throw unsupported('virDomainRevertToSnapshot');
    case 'pmsuspended':
      throw virErr('OPERATION_UNSUPPORTED', "qemu doesn't support reversion of snapshot taken in PMSUSPENDED state");
    default:
      throw virErr('INTERNAL_ERROR', `Invalid target domain state '${def.state ?? 'nostate'}'. Refusing snapshot reversion`);
  }
  // Reverting a running domain stops its QEMU process first (transitions 4 and 7): live path.
  if (isActive(scope.obj)) throw unsupported('virDomainRevertToSnapshot');
  const { skipped, lastError } = await forEachQcow2(def.dom ?? scope.obj.def, def, '-a', true);
  if (skipped) throw lastError ?? virErr('INTERNAL_ERROR', 'An error occurred, but the cause is unknown');
  // virDomainObjAssignDef(live=false) on a shut-off domain; saved only once all went well.
  scope.obj.def = config;
  if (flags & (R.RUNNING | R.PAUSED)) await startAfterRevert(scope, !!(flags & R.PAUSED));
  finish(scope, snap);
}

/** Transitions 2 and 3: the reverted domain starts (paused if asked), announced as from the snapshot. */
async function startAfterRevert(scope: SnapshotScope, paused: boolean): Promise<void> {
  const { drv, obj } = scope;
  await startDomain(drv, obj, { paused });
  emitLifecycle(drv, obj, Ev.STARTED, Detail.STARTED_FROM_SNAPSHOT);
  if (paused) emitLifecycle(drv, obj, Ev.SUSPENDED, Detail.SUSPENDED_FROM_SNAPSHOT);
}
