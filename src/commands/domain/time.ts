import type { Handler } from '../types.js';
import { exclusive, optDomain } from './util.js';

/** g_date_time_format(…, "%Y-%m-%d %H:%M:%S") in UTC. */
function pretty(seconds: bigint): string {
  const d = new Date(Number(seconds) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export const domtime: Handler = async (ctx, opts) => {
  for (const [a, b] of [['time', 'now'], ['time', 'sync'], ['now', 'sync']])
    if (!exclusive(ctx, opts, a, b)) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const time = opts.has('time') ? BigInt.asIntN(64, opts.ulong('time', true) ?? 0n) : undefined;
  const now = opts.bool('now');
  const sync = opts.bool('sync');
  if (time !== undefined || now || sync) {
    const seconds = now ? BigInt(Math.floor(Date.now() / 1000)) : (time ?? 0n);
    await conn.domainSetTime(dom, seconds, 0, sync ? 1 : 0);
    return true;
  }
  const t = await conn.domainGetTime(dom, 0);
  ctx.print(opts.bool('pretty') ? `Time: ${pretty(t.seconds)}` : `Time: ${t.seconds}`);
  return true;
};
