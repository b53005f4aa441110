import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import type { CheckpointDef } from '../../../xml/checkpoint/def.js';
import type { MomentDef } from '../../../xml/snapshot/def.js';
import type { DomainObj } from '../domain/state.js';
import { findByUUID } from '../domain/state.js';
import type { TestNode } from '../node.js';
import { newMomentList, type MomentList } from '../../../snapshot/moments.js';

/**
 * Moment lists of one node keyed by domain uuid. Each entry remembers the domain object it
 * belongs to: in libvirt the list lives inside virDomainObj, so a domain that is removed and
 * defined again (same uuid, new object) starts with no snapshots.
 */
export interface MomentsState<D extends MomentDef> {
  byUUID: Map<string, { owner: DomainObj; list: MomentList<D> }>;
}

export type SnapshotsState = MomentsState<SnapshotDef>;
export type CheckpointsState = MomentsState<CheckpointDef>;

export function newMomentsState<D extends MomentDef>(): MomentsState<D> {
  return { byUUID: new Map() };
}

/** The moment list of a domain object, created empty on first use. */
export function momentsOf<D extends MomentDef>(state: MomentsState<D>, obj: DomainObj): MomentList<D> {
  const key = obj.def.uuid.toLowerCase();
  const entry = state.byUUID.get(key);
  if (entry && entry.owner === obj) return entry.list;
  const list = newMomentList<D>();
  state.byUUID.set(key, { owner: obj, list });
  return list;
}

function count<D extends MomentDef>(node: TestNode, state: MomentsState<D>, uuid: string): number {
  const obj = findByUUID(node.domains, uuid);
  const entry = state.byUUID.get(uuid.toLowerCase());
  return obj && entry && entry.owner === obj ? entry.list.objs.size : 0;
}

/** Number of snapshots of the domain with this uuid (list --with-snapshot, undefine). */
export const snapshotCount = (node: TestNode, uuid: string): number => count(node, node.snapshots, uuid);

/** Number of checkpoints of the domain with this uuid (list --with-checkpoint). */
export const checkpointCount = (node: TestNode, uuid: string): number => count(node, node.checkpoints, uuid);
