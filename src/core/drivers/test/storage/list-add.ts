import { virErr } from '../../../errors.js';
import type { PoolDef } from '../../../xml/storage/pool.js';
import { sourceConflict } from './conflict.js';
import type { PoolObj, StorageState } from './state.js';

/**
 * virStoragePoolObjListAdd: refuses a clashing source, uuid or name; a definition with the
 * name and uuid of an existing pool replaces its config (kept aside while the pool runs).
 */
export function listAdd(s: StorageState, def: PoolDef, checkLive: boolean): PoolObj {
  const clash = s.pools.find((o) => sourceConflict(o.def, def));
  if (clash) throw virErr('OPERATION_FAILED', `Storage source conflict with pool: '${clash.def.name}'`);
  const same = s.pools.find((o) => o.def.uuid === def.uuid);
  if (same) {
    if (same.def.name !== def.name) {
      throw virErr('OPERATION_FAILED', `pool '${same.def.name}' is already defined with uuid ${same.def.uuid}`);
    }
    if (checkLive && same.active) throw virErr('OPERATION_INVALID', `pool is already active as '${same.def.name}'`);
    // A running pool keeps its live definition; the test driver never shows the new one.
    if (!same.active) same.def = def;
    return same;
  }
  const named = s.pools.find((o) => o.def.name === def.name);
  if (named) throw virErr('OPERATION_FAILED', `pool '${def.name}' already exists with uuid ${named.def.uuid}`);
  const obj: PoolObj = { def, active: false, persistent: false, autostart: false, volumes: [] };
  s.pools.push(obj);
  return obj;
}

