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

export { qemuMonitorEvent } from './qemu-monitor-event.js';
