import { SnapshotCreate } from '../api/snapshot.js';
import { virErr } from '../errors.js';
import { snapshotIsExternal, snapshotIsOnline, type SnapshotDef } from '../xml/snapshot/def.js';
import { alignSnapshotDisks } from './align.js';
import { assignMoment, checkCycles, defOf, dropParent, findMoment, type MomentList, type MomentObj } from './moments.js';

const invalidArg = (msg: string) => virErr('INVALID_ARG', msg, 'DOMAIN_SNAPSHOT');

/** virDomainSnapshotRedefineValidate (without the ABI comparison of the two captured domains). */
function redefineValidate(def: SnapshotDef, domainUUID: string, other: MomentObj<SnapshotDef> | undefined, flags: number): void {
  if (flags & SnapshotCreate.DISK_ONLY && def.state !== 'disk-snapshot') {
    throw invalidArg(`disk-only flag for snapshot ${def.name} requires disk-snapshot state`);
  }
  if (def.dom && def.dom.uuid.toLowerCase() !== domainUUID.toLowerCase()) {
    throw invalidArg(`definition for snapshot ${def.name} must use uuid ${domainUUID}`);
  }
  if (!other) return;
  const old = defOf(other);
  if (snapshotIsOnline(old) !== snapshotIsOnline(def)) {
    throw invalidArg(`cannot change between online and offline snapshot state in snapshot ${def.name}`);
  }
  if ((old.state === 'disk-snapshot') !== (def.state === 'disk-snapshot')) {
    throw invalidArg(`cannot change between disk only and full system in snapshot ${def.name}`);
  }
}

/**
 * virDomainSnapshotRedefinePrep: validates a redefinition and settles its disks; returns the
 * snapshot it replaces, if any. Nothing in the list changes.
 */
export function redefinePrep(list: MomentList<SnapshotDef>, domainUUID: string, def: SnapshotDef, flags: number): MomentObj<SnapshotDef> | undefined {
  checkCycles(list, def);
  const other = findMoment(list, def.name);
  redefineValidate(def, domainUUID, other, flags);
  const external = def.state === 'disk-snapshot' || snapshotIsExternal(def);
  alignSnapshotDisks(def, other && defOf(other).dom, external ? 'external' : 'internal');
  return other;
}

/**
 * virDomainSnapshotReplaceDef / virDomainSnapshotAssignDef after a successful prep: the
 * replaced snapshot keeps its children (and its captured domain when the new one has none)
 * but is unlinked from its parent until the caller links it again.
 */
export function installRedefined(list: MomentList<SnapshotDef>, other: MomentObj<SnapshotDef> | undefined, def: SnapshotDef): MomentObj<SnapshotDef> {
  if (!other) return assignMoment(list, def);
  if (!def.dom) def.dom = defOf(other).dom;
  dropParent(other);
  other.def = def;
  return other;
}
