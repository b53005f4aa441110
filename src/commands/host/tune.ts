import type { TypedParam } from '../../core/api/host.js';
import type { HandlerTable } from '../types.js';
import { left } from './printf.js';

/** virStrToLong_ll: optional blanks and sign, decimal digits, within 64 bits. */
function strToLongLong(text: string): bigint | undefined {
  if (!/^\s*[-+]?\d+$/.test(text)) return undefined;
  const v = BigInt(text.trim());
  return BigInt.asIntN(64, v) === v ? v : undefined;
}

/** virsh's vshGetTypedParamValue. */
function paramText(p: TypedParam): string {
  if (p.type === 'boolean') return p.value ? 'yes' : 'no';
  if (p.type === 'double') return Number(p.value).toFixed(6);
  return String(p.value);
}

/** node-memory-tune's options and the VIR_NODE_MEMORY_SHARED_* fields they set. */
const MEMORY_TUNABLES: ReadonlyArray<readonly [string, string]> = [
  ['shm-pages-to-scan', 'shm_pages_to_scan'],
  ['shm-sleep-millisecs', 'shm_sleep_millisecs'],
  ['shm-merge-across-nodes', 'shm_merge_across_nodes'],
];

/** virNodeSuspendTarget names, in enum order. */
const SUSPEND_TARGETS = ['mem', 'disk', 'hybrid'];

export const tuneHandlers: HandlerTable = {
  'node-memory-tune': async (ctx, opts) => {
    const params: TypedParam[] = [];
    for (const [opt, field] of MEMORY_TUNABLES) {
      const value = opts.uint(opt);
      if (value !== undefined) params.push({ field, type: 'uint', value });
    }
    const conn = await ctx.conn();
    if (params.length) {
      await ctx.attempt('Unable to change memory parameters', () => conn.nodeSetMemoryParameters(params, 0));
      return true;
    }
    const current = await ctx.attempt('Unable to get number of memory parameters', () => conn.nodeGetMemoryParameters(0));
    if (current.length === 0) return true;
    ctx.print('Shared memory:\n');
    for (const p of current) ctx.print(`\t${left(p.field, 15)} ${paramText(p)}\n`);
    return true;
  },

  nodesuspend: async (ctx, opts) => {
    const target = opts.requiredString('target');
    const durationText = opts.requiredString('duration');
    const duration = strToLongLong(durationText);
    if (duration === undefined) {
      ctx.error(`Numeric value '${durationText}' for <duration> option is malformed or out of range`);
      return false;
    }
    const targetId = SUSPEND_TARGETS.indexOf(target);
    if (targetId < 0) {
      ctx.error('Invalid target');
      return false;
    }
    if (duration < 0n) {
      ctx.error('Invalid duration');
      return false;
    }
    const conn = await ctx.conn();
    await ctx.attempt('The host was not suspended', () => conn.nodeSuspendForDuration(targetId, duration, 0));
    return true;
  },

  nodesevinfo: async (ctx) => {
    const conn = await ctx.conn();
    const params = await ctx.attempt('Unable to get host SEV information', () => conn.nodeGetSEVInfo(0));
    for (const p of params) ctx.print(`${left(p.field, 18)}: ${paramText(p)}\n`);
    return true;
  },
};
