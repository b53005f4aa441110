// The test driver's storage pools and volumes live in ./storage/; this file keeps the group's import path.
export { loadStorage, storageOps } from './storage/index.js';
export type { StorageState, PoolObj } from './storage/index.js';
