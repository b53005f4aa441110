import type { Handler } from '../types.js';
import { optDomain } from '../domain/util.js';
import { domainEventText } from './domain-text.js';
import { DOMAIN_EVENTS } from './names.js';
import { EventLoop, timeoutMs } from './wait.js';

/** virsh `event` (cmdEvent): list event types, or wait for domain events. */
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
  const ids = DOMAIN_EVENTS.flatMap((e, i) => (name === undefined || e === name ? [i] : []));
  if (!ids.length) {
    ctx.error(`unknown event type ${name}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  let dom;
  if (opts.has('domain')) {
    dom = await optDomain(ctx, opts);
    if (!dom) return false;
  }
  const conn = await ctx.conn();
  const loop = new EventLoop(ctx, opts.bool('loop'), opts.bool('timestamp'));
  const registered: number[] = [];
  try {
    for (const [i, id] of ids.entries()) {
      try {
        registered.push(await conn.connectDomainEventRegisterAny(dom, id, (ev) => loop.print(domainEventText(ev))));
      } catch (e) {
        // With --all, only the first registration must work: an older server knows fewer ids.
        if (i === 0) throw e;
      }
    }
    return await loop.wait(timeout);
  } finally {
    for (const id of registered) await conn.connectDomainEventDeregisterAny(id);
  }
};
