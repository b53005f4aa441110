import type { Handler } from '../types.js';
import { SECRET_EVENTS } from '../events/names.js';
import { EventLoop, timeoutMs } from '../events/wait.js';
import { optSecret } from './lookup.js';
import { ShellError } from '../shell/errors.js';

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
  // virsh reports a secret it cannot get (an empty option, an unknown UUID) and goes on to
  // register for every secret.
  const secret = opts.has('secret')
    ? await optSecret(ctx, opts).catch((e: unknown) => {
        if (e instanceof ShellError) ctx.error(e.message);
        return undefined;
      })
    : undefined;
  const conn = await ctx.conn();
  // No driver here has secret events: a registration that succeeds never delivers any.
  await conn.secretEventRegisterAny(secret, eventId);
  return new EventLoop(ctx, opts.bool('loop'), opts.bool('timestamp')).wait(timeout);
};
