import type { TestNode } from '../node.js';
import type { DomainObj } from './state.js';

/** How many snapshots and checkpoints a domain has: list filters and undefine consult these. */
export function countMoments(_node: TestNode, _obj: DomainObj): { snapshots: number; checkpoints: number } {
  return { snapshots: 0, checkpoints: 0 };
}
