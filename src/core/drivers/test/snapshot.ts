// The test driver's snapshots and checkpoints live in ./snapshot/; this file keeps the group's import path.
export { snapshotOps, checkpointOps } from './snapshot/index.js';
export { snapshotCount, checkpointCount, newMomentsState } from './snapshot/state.js';
export type { SnapshotsState, CheckpointsState } from './snapshot/state.js';
