import type { PoolEvent } from '../../../api/storage.js';
import { PoolEventId } from '../../../api/storage.js';
import type { PoolObj, StorageState } from './state.js';
import { poolHandle } from './state.js';

/** Delivers an event to every callback registered for it (and for the pool, if narrowed). */
function emit(s: StorageState, obj: PoolObj, event: Omit<PoolEvent, 'pool'>): void {
  const pool = poolHandle(obj);
  for (const r of s.callbacks) {
    if (r.eventId !== event.eventId) continue;
    if (r.poolUuid !== undefined && r.poolUuid !== pool.uuid) continue;
    r.cb({ pool, ...event });
  }
}

export function emitLifecycle(s: StorageState, obj: PoolObj, event: number): void {
  emit(s, obj, { eventId: PoolEventId.LIFECYCLE, event, detail: 0 });
}

export function emitRefresh(s: StorageState, obj: PoolObj): void {
  emit(s, obj, { eventId: PoolEventId.REFRESH });
}
