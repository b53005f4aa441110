import type { Handler } from '../types.js';
import { SECRET_EVENTS } from '../events/names.js';
import { timeoutMs, waitForEvents } from '../events/wait.js';
import { optSecret } from './lookup.js';

/** virsh `secret-event`. */
export const secretEvent: Handler = async (ctx, opts) => {
  if (opts.bool('list')) {
    for (const e of SECRET_EVENTS) ctx.print(`${e}\n`);
    return true;
  }
  const name = opts.string('event');
  if (name === undefined) {
    ctx.error('either --list or --event <type> is required');
    return false;
  }
  const eventId = SECRET_EVENTS.indexOf(name);
  if (eventId < 0) {
    ctx.error(`unknown event type ${name}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  const secret = opts.has('secret') ? await optSecret(ctx, opts) : undefined;
  const conn = await ctx.conn();
  await conn.secretEventRegisterAny(secret, eventId);
  // Nothing else runs on this connection while the shell waits, so nothing can arrive.
  return waitForEvents(ctx, timeout, () => 0);
};
