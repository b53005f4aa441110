import { MEMORY_PARAM_UNLIMITED, type TypedParam } from '../../core/api/domain-devices.js';
import type { VirError } from '../../core/errors.js';
import { scaleIntegerResult } from '../../core/strtol.js';
import type { Handler } from '../types.js';
import { affectFlags, optDomain, pad, paramValue } from './util.js';

const LIVE = 1;
const CONFIG = 2;
const MAXIMUM = 4;
/** The API takes KiB in an unsigned long (64-bit). */
const ULONG_MAX = 2n ** 64n - 1n;


const kib = (bytes: bigint) => (bytes + 1023n) / 1024n;

export const setmem: Handler = async (ctx, opts) => {
  const f = affectFlags(ctx, opts);
  if (f === undefined) return false;
  // No option at all keeps the old virDomainSetMemory behaviour: the live domain.
  const flags = opts.bool('config') || opts.bool('live') || opts.bool('current') ? f : LIVE;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const bytes = opts.scaled('size', 1024, ULONG_MAX) ?? 0n;
  await (await ctx.conn()).domainSetMemoryFlags(dom, kib(bytes), flags);
  return true;
};

export const setmaxmem: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const bytes = opts.scaled('size', 1024, ULONG_MAX) ?? 0n;
  await ctx.attempt('Unable to change MaxMemorySize', async () =>
    (await ctx.conn()).domainSetMemoryFlags(dom, kib(bytes), flags | MAXIMUM),
  );
  return true;
};

const LLONG_MAX = 2n ** 63n - 1n;

/** virshMemtuneGetSize: KiB by default, any suffix; a negative value means unlimited.
 * A bad suffix yields libvirt's error, reported after virsh's own. */
function memtuneSize(text: string): bigint | VirError | undefined {
  const m = /^\s*([-+]?\d+)(.*)$/s.exec(text);
  if (!m) return undefined;
  const v = BigInt(m[1]);
  // virStrToLong_ll: out of long long range is a plain parse failure, without libvirt's error.
  if (v > LLONG_MAX || v < -LLONG_MAX - 1n) return undefined;
  if (v < 0n) return MEMORY_PARAM_UNLIMITED;
  const r = scaleIntegerResult(v, m[2], 1024n, LLONG_MAX);
  return typeof r === 'bigint' ? kib(r) : r;
}

const MEMTUNE_OPTS: Array<[string, string]> = [
  ['hard-limit', 'hard_limit'],
  ['soft-limit', 'soft_limit'],
  ['swap-hard-limit', 'swap_hard_limit'],
  ['min-guarantee', 'min_guarantee'],
];

export const memtune: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const params: TypedParam[] = [];
  for (const [opt, field] of MEMTUNE_OPTS) {
    // An empty value is present but unreadable (vshCommandOptStringQuiet's -1).
    const text = opts.stringQuiet(opt) ?? (opts.bool(opt) ? '' : undefined);
    if (text === undefined) continue;
    const v = memtuneSize(text);
    if (typeof v !== 'bigint') {
      ctx.error(`Unable to parse integer parameter ${opt}`);
      if (v) throw v;
      return false;
    }
    params.push({ field, type: 4, value: v });
  }
  const conn = await ctx.conn();
  if (params.length) {
    await ctx.attempt('Unable to change memory parameters', () => conn.domainSetMemoryParameters(dom, params, flags));
    return true;
  }
  // The public API refuses LIVE|CONFIG already when asked for the parameter count.
  const context = flags === (LIVE | CONFIG) ? 'Unable to get number of memory parameters' : 'Unable to get memory parameters';
  const got = await ctx.attempt(context, () => conn.domainGetMemoryParameters(dom, flags));
  for (const p of got) {
    const unlimited = p.type === 4 && p.value === MEMORY_PARAM_UNLIMITED;
    ctx.print(`${pad(p.field, 15)}: ${unlimited ? 'unlimited' : paramValue(p)}\n`);
  }
  return true;
};

/** virDomainMemoryStatTags → dommemstat's names, in the order virsh checks them. */
const MEMSTAT_NAMES: Array<[number, string]> = [
  [0, 'swap_in'],
  [1, 'swap_out'],
  [2, 'major_fault'],
  [3, 'minor_fault'],
  [4, 'unused'],
  [5, 'available'],
  [8, 'usable'],
  [6, 'actual'],
  [7, 'rss'],
  [9, 'last_update'],
  [10, 'disk_caches'],
  [11, 'hugetlb_pgalloc'],
  [12, 'hugetlb_pgfail'],
];

export const dommemstat: Handler = async (ctx, opts) => {
  const f = affectFlags(ctx, opts);
  if (f === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  let flags = f;
  if (!opts.bool('current') && !opts.bool('live') && !opts.bool('config') && (await conn.domainIsActive(dom))) flags |= LIVE;
  const period = opts.int('period');
  if (period !== undefined) {
    if (period < 0) {
      ctx.error(`Invalid collection period value '${period}'`);
      return false;
    }
    await ctx.attempt('Unable to change balloon collection period.', () => conn.domainSetMemoryStatsPeriod(dom, period, flags));
    return true;
  }
  const stats = await ctx.attempt(`Failed to get memory statistics for domain ${opts.requiredString('domain')}`, () =>
    conn.domainMemoryStats(dom, 13, 0),
  );
  for (const s of stats) {
    const name = MEMSTAT_NAMES.find(([tag]) => tag === s.tag)?.[1];
    if (name) ctx.print(`${name} ${s.value}\n`);
  }
  return true;
};
