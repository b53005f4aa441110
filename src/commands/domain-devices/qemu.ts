import type { Handler } from '../types.js';
import { optDomain } from './util.js';

export { qemuMonitorCommand } from './qemu-monitor.js';

export const qemuAgentCommand: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const cmd = opts.argv('cmd').join(' ');
  let timeout = -2;
  const t = opts.int('timeout');
  let modes = 0;
  if (t !== undefined) {
    if (t < 1) {
      ctx.error('timeout must be positive');
      return false;
    }
    timeout = t;
    modes++;
  }
  if (opts.bool('async')) {
    timeout = 0;
    modes++;
  }
  if (opts.bool('block')) {
    timeout = -1;
    modes++;
  }
  if (modes > 1) {
    ctx.error('timeout, async and block options are exclusive');
    return false;
  }
  const result = await (await ctx.conn()).domainQemuAgentCommand(dom, cmd, timeout, 0);
  ctx.print(`${result}\n`);
  return true;
};

export const qemuAttach: Handler = async (ctx, opts) => {
  const pid = opts.uint('pid') ?? 0;
  const conn = await ctx.conn();
  const dom = await ctx.attempt(`Failed to attach to pid ${pid}`, () => conn.domainQemuAttach(pid, 0));
  ctx.printExtra(`Domain '${dom.name}' attached to pid ${pid}\n`);
  return true;
};

export const lxcEnterNamespace: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainLxcOpenNamespace(dom, 0);
  return true;
};

/** qemu-monitor-event: registers for QEMU monitor events. No driver of this project delivers
 * them yet, so registration is as far as it goes (the test driver refuses it). */
export const qemuMonitorEvent: Handler = async (ctx, opts) => {
  const flags = (opts.bool('regex') ? 1 : 0) | (opts.bool('no-case') ? 2 : 0);
  const t = opts.uint('timeout');
  if (t !== undefined && (t === 0 || t > Math.floor(2147483647 / 1000))) {
    ctx.error(`Numeric value '${t}' for <timeout> option is malformed or out of range`);
    return false;
  }
  const event = opts.string('event') ?? null;
  let dom = null;
  if (opts.has('domain')) {
    dom = await optDomain(ctx, opts);
    if (!dom) return false;
  }
  await (await ctx.conn()).connectDomainQemuMonitorEventRegister(dom, event, flags);
  return false;
};
