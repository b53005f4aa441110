import { SnapshotCreate } from '../../../api/snapshot.js';
import { ShutoffReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import { SNAPSHOT_STATES, snapshotIsExternal, snapshotIsOnline, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { parseSnapshotXML, SnapshotParse } from '../../../xml/snapshot/parse.js';
import { copyDef } from '../domain/defs.js';
import { isActive, shutdownState, type DomainObj } from '../domain/state.js';
import { alignSnapshotDisks } from './align.js';
import {
  assignMoment,
  checkCycles,
  defOf,
  dropParent,
  findMoment,
  linkParent,
  type MomentList,
  type MomentObj,
} from './moments.js';

const C = SnapshotCreate;
/** The flags testDomainSnapshotCreateXML accepts. */
export const SNAPSHOT_CREATE_ALLOWED = C.REDEFINE | C.CURRENT | C.HALT | C.QUIESCE | C.ATOMIC | C.LIVE | C.VALIDATE;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const invalidArg = (msg: string) => virErr('INVALID_ARG', msg, 'DOMAIN_SNAPSHOT');

/** virDomainSnapshotRedefinePrep: validates a redefinition and settles its disks; returns the
 * snapshot it replaces, if any. */
function redefinePrep(list: MomentList<SnapshotDef>, obj: DomainObj, def: SnapshotDef): MomentObj<SnapshotDef> | undefined {
  checkCycles(list, def);
  const other = findMoment(list, def.name);
  if (def.dom && def.dom.uuid.toLowerCase() !== obj.def.uuid.toLowerCase()) {
    throw invalidArg(`definition for snapshot ${def.name} must use uuid ${obj.def.uuid}`);
  }
  if (other) {
    const old = defOf(other);
    if (snapshotIsOnline(old) !== snapshotIsOnline(def)) {
      throw invalidArg(`cannot change between online and offline snapshot state in snapshot ${def.name}`);
    }
    if ((old.state === 'disk-snapshot') !== (def.state === 'disk-snapshot')) {
      throw invalidArg(`cannot change between disk only and full system in snapshot ${def.name}`);
    }
  }
  const external = def.state === 'disk-snapshot' || snapshotIsExternal(def);
  alignSnapshotDisks(def, other && defOf(other).dom, external ? 'external' : 'internal');
  return other;
}

/** testDomainSnapshotAlignDisks: the snapshot takes the domain's current state. */
function alignNew(obj: DomainObj, def: SnapshotDef): void {
  if (def.disks.some((d) => d.snapshot === 'manual')) {
    throw virErr('OPERATION_UNSUPPORTED', "'manual' snapshot mode is not supported by the test driver", 'DOMAIN');
  }
  def.state = SNAPSHOT_STATES[obj.state];
  if (def.memory === 'external') {
    alignSnapshotDisks(def, undefined, 'external');
    return;
  }
  def.memory = def.state === 'shutoff' ? 'no' : 'internal';
  alignSnapshotDisks(def, undefined, 'internal');
}

/** testDomainSnapshotCreateXML, after the domain lookup and the checkpoint check. */
export async function createSnapshot(list: MomentList<SnapshotDef>, obj: DomainObj, xml: string, flags: number): Promise<MomentObj<SnapshotDef>> {
  const redefine = !!(flags & C.REDEFINE);
  if (!obj.persistent && flags & C.HALT) {
    throw virErr('OPERATION_INVALID', 'cannot halt after transient domain snapshot', 'DOMAIN');
  }
  if (flags & C.VALIDATE) await schemaCheck(xml, 'domainsnapshot.rng', 'domainsnapshot');
  const parseFlags = (redefine ? SnapshotParse.REDEFINE : 0) | (flags & C.VALIDATE ? SnapshotParse.VALIDATE : 0);
  const { def } = parseSnapshotXML(xml, parseFlags, nowSeconds);
  let snap: MomentObj<SnapshotDef>;
  const updateCurrent = !redefine || !!(flags & C.CURRENT);
  if (redefine) {
    const other = redefinePrep(list, obj, def);
    if (other) {
      if (!def.dom) def.dom = defOf(other).dom;
      dropParent(other);
      other.def = def;
      snap = other;
    } else {
      snap = assignMoment(list, def);
    }
  } else {
    def.dom = copyDef(obj.def);
    alignNew(obj, def);
    snap = assignMoment(list, def);
    def.parentName = list.current ? defOf(list.current).name : undefined;
    if (flags & C.HALT && isActive(obj)) shutdownState(obj, ShutoffReason.FROM_SNAPSHOT);
  }
  if (updateCurrent) list.current = snap;
  linkParent(list, snap);
  return snap;
}
