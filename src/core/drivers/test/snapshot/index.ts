export { snapshotOps } from './snapshot-ops.js';
export { checkpointOps } from './checkpoint-ops.js';
