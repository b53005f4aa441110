import type { TestNode } from '../node.js';
import { checkpointCount, snapshotCount } from '../snapshot/state.js';
import type { DomainObj } from './state.js';

/** How many snapshots and checkpoints a domain has: list filters and undefine consult these. */
export function countMoments(node: TestNode, obj: DomainObj): { snapshots: number; checkpoints: number } {
  return { snapshots: snapshotCount(node, obj.def.uuid), checkpoints: checkpointCount(node, obj.def.uuid) };
}
