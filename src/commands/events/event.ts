import type { Handler } from '../types.js';
import { optDomain } from '../domain/util.js';
import { DOMAIN_EVENTS } from './names.js';
import { timeoutMs, waitForEvents } from './wait.js';

/** virsh `event`: domain events. */
export const domainEvent: Handler = async (ctx, opts) => {
  const all = opts.bool('all');
  const list = opts.bool('list');
  const name = opts.string('event');
  for (const [a, b, on] of [['all', 'event', all && name !== undefined], ['list', 'all', list && all], ['list', 'event', list && name !== undefined]] as const) {
    if (on) {
      ctx.error(`Options --${a} and --${b} are mutually exclusive`);
      return false;
    }
  }
  if (list) {
    for (const e of DOMAIN_EVENTS) ctx.print(`${e}\n`);
    return true;
  }
  if (name === undefined && !all) {
    ctx.error('one of --list, --all, or --event <type> is required');
    return false;
  }
  if (name !== undefined && !DOMAIN_EVENTS.includes(name)) {
    ctx.error(`unknown event type ${name}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  if (opts.has('domain') && !(await optDomain(ctx, opts))) return false;
  await ctx.conn();
  // Nothing else runs on this connection while the shell waits, so nothing can arrive.
  return waitForEvents(ctx, timeout, () => 0);
};
