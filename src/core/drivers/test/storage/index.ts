import type { StorageApi } from '../../../api/storage.js';
import type { TestNode } from '../node.js';
import { findPoolSources } from './sources.js';
import { poolOps } from './pools.js';
import { volumeOps } from './volumes.js';

import { storageOf } from './load.js';

export { loadStorage } from './load.js';
export type { StorageState, PoolObj } from './state.js';

/** The test driver's storage API over one node. */
export function storageOps(node: TestNode): StorageApi {
  const s = storageOf(node);
  return {
    ...poolOps(node),
    ...volumeOps(s),
    async connectFindStoragePoolSources(type, srcSpec, flags) {
      return findPoolSources(type, srcSpec, flags);
    },
    async connectStoragePoolEventRegisterAny(pool, eventId, cb) {
      const id = s.nextCallbackId++;
      s.callbacks.push({ id, poolUuid: pool?.uuid, eventId, cb });
      return id;
    },
    async connectStoragePoolEventDeregisterAny(id) {
      s.callbacks = s.callbacks.filter((r) => r.id !== id);
    },
  };
}
