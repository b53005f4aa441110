import type { Handler } from '../types.js';
import type { PoolEvent } from '../../core/api/storage.js';
import { optPool } from './util.js';

/** virshPoolEventCallbacks, in virStoragePoolEventID order. */
const EVENT_NAMES = ['lifecycle', 'refresh'];
const LIFECYCLE_NAMES = ['Defined', 'Undefined', 'Started', 'Stopped', 'Created', 'Deleted'];

/** virTimeStringNowRaw: local time as YYYY-MM-DD HH:MM:SS.mmm+ZZZZ. */
function timestamp(): string {
  const d = new Date();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const zone = (off >= 0 ? '+' : '-') + p(Math.floor(Math.abs(off) / 60)) + p(Math.abs(off) % 60);
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}${zone}`;
}

export const poolEvent: Handler = async (ctx, opts) => {
  if (opts.bool('list')) {
    ctx.print(EVENT_NAMES.map((n) => `${n}\n`).join(''));
    return true;
  }
  const eventName = opts.string('event');
  if (eventName === undefined) {
    ctx.error('either --list or --event <type> is required');
    return false;
  }
  const eventId = EVENT_NAMES.indexOf(eventName);
  if (eventId < 0) {
    ctx.error(`unknown event type ${eventName}`);
    return false;
  }
  const loop = opts.bool('loop');
  const stamp = opts.bool('timestamp');
  // vshCommandOptTimeoutToMs: whole seconds, neither zero nor too many to count in ms.
  const timeout = opts.uint('timeout');
  if (timeout !== undefined && (timeout === 0 || timeout > Math.floor(2147483647 / 1000))) {
    ctx.error(`Numeric value '${timeout}' for <timeout> option is malformed or out of range`);
    return false;
  }
  // virsh carries on without the filter when the pool cannot be found; the lookup's error
  // stays pending and is reported if the command ends up failing.
  let pending: unknown;
  const pool = opts.has('pool') ? await optPool(ctx, opts).catch((e) => void (pending = e)) : undefined;
  const conn = await ctx.conn();
  let count = 0;
  let finish: (why: 'done' | 'timeout' | 'interrupt') => void = () => {};
  const ended = new Promise<'done' | 'timeout' | 'interrupt'>((resolve) => (finish = resolve));
  const id = await conn.connectStoragePoolEventRegisterAny(pool ?? undefined, eventId, (ev: PoolEvent) => {
    if (!loop && count) return;
    const what =
      ev.eventId === 0
        ? `event 'lifecycle' for storage pool ${ev.pool.name}: ${LIFECYCLE_NAMES[ev.event ?? -1] ?? 'unknown'}`
        : `event '${EVENT_NAMES[ev.eventId]}' for storage pool ${ev.pool.name}`;
    ctx.print(stamp ? `${timestamp()}: ${what}\n` : `${what}\n`);
    count++;
    if (!loop) finish('done');
  });
  const timer = timeout !== undefined ? setTimeout(() => finish('timeout'), timeout * 1000) : undefined;
  const onInt = () => finish('interrupt');
  process.once('SIGINT', onInt);
  const why = await ended;
  if (timer) clearTimeout(timer);
  process.removeListener('SIGINT', onInt);
  if (why === 'interrupt') ctx.print('event loop interrupted\n');
  if (why === 'timeout') ctx.print('event loop timed out\n');
  ctx.print(`events received: ${count}\n`);
  await conn.connectStoragePoolEventDeregisterAny(id);
  if (count === 0 && pending) throw pending;
  return count > 0;
};
