import type { Handler } from '../types.js';
import type { PoolEvent } from '../../core/api/storage.js';
import { optPool } from './util.js';
import { POOL_EVENT_NAMES } from './names.js';
import { EventLoop, timeoutMs } from '../events/wait.js';

const LIFECYCLE_NAMES = ['Defined', 'Undefined', 'Started', 'Stopped', 'Created', 'Deleted'];

export const poolEvent: Handler = async (ctx, opts) => {
  if (opts.bool('list')) {
    ctx.print(POOL_EVENT_NAMES.map((n) => `${n}\n`).join(''));
    return true;
  }
  const eventName = opts.string('event');
  if (eventName === undefined) {
    ctx.error('either --list or --event <type> is required');
    return false;
  }
  const eventId = POOL_EVENT_NAMES.indexOf(eventName);
  if (eventId < 0) {
    ctx.error(`unknown event type ${eventName}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  // virsh carries on without the filter when the pool cannot be found; the lookup's error
  // stays pending and is reported if the command ends up failing.
  let pending: unknown;
  const pool = opts.has('pool') ? await optPool(ctx, opts).catch((e) => void (pending = e)) : undefined;
  const conn = await ctx.conn();
  const loop = new EventLoop(ctx, opts.bool('loop'), opts.bool('timestamp'));
  const id = await conn.connectStoragePoolEventRegisterAny(pool ?? undefined, eventId, (ev: PoolEvent) =>
    loop.print(
      ev.eventId === 0
        ? `event 'lifecycle' for storage pool ${ev.pool.name}: ${LIFECYCLE_NAMES[ev.event ?? -1] ?? 'unknown'}\n`
        : `event '${POOL_EVENT_NAMES[ev.eventId]}' for storage pool ${ev.pool.name}\n`,
    ),
  );
  const ok = await loop.wait(timeout);
  await conn.connectStoragePoolEventDeregisterAny(id);
  if (!ok && pending) throw pending;
  return ok;
};
