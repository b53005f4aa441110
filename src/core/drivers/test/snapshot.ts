import type { SnapshotApi } from '../../api/snapshot.js';
import type { TestNode } from './node.js';

export function snapshotOps(_node: TestNode): SnapshotApi {
  return {} as SnapshotApi;
}
