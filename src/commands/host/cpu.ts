import { setTimeout as sleep } from 'node:timers/promises';
import type { HandlerTable } from '../types.js';
import { formatCpuSet } from '../../core/xml/capabilities/index.js';
import { fixed1, left, right } from './printf.js';

/** virNodeCPUStats fields virsh knows, in its output order, with its labels. */
const CPU_STAT_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['user', 'user:'],
  ['kernel', 'system:'],
  ['idle', 'idle:'],
  ['iowait', 'iowait:'],
  ['intr', 'intr:'],
  ['utilization', 'usage:'],
];
const USAGE = CPU_STAT_FIELDS.length - 1;

export const cpuHandlers: HandlerTable = {
  nodecpumap: async (ctx, opts) => {
    const conn = await ctx.conn();
    const map = await ctx.attempt('Unable to get cpu map', () => conn.nodeGetCPUMap(0));
    const online = map.online.filter(Boolean).length;
    ctx.print(`${left('CPUs present:', 15)} ${map.cpus}\n`);
    ctx.print(`${left('CPUs online:', 15)} ${online}\n`);
    ctx.print(`${left('CPU map:', 15)} `);
    if (opts.bool('pretty')) {
      ctx.print(formatCpuSet(map.online.flatMap((on, i) => (on ? [i] : []))));
    } else {
      ctx.print(map.online.map((on) => (on ? 'y' : '-')).join(''));
    }
    ctx.print('\n');
    return true;
  },

  nodecpustats: async (ctx, opts) => {
    const percent = opts.bool('percent');
    const cpu = opts.int('cpu') ?? -1;
    const conn = await ctx.conn();
    const first = await ctx.attempt('Unable to get number of cpu stats', () => conn.nodeGetCPUStats(cpu, 0));
    if (first.length === 0) return true;
    const values: bigint[] = CPU_STAT_FIELDS.map(() => 0n);
    const present: boolean[] = CPU_STAT_FIELDS.map(() => false);
    const collect = (stats: typeof first, delta: boolean) => {
      for (const s of stats) {
        const i = CPU_STAT_FIELDS.findIndex(([f]) => f === s.field);
        if (i < 0) continue;
        if (!delta) {
          values[i] = s.value;
          present[i] = true;
        } else if (present[i]) {
          // virsh subtracts as unsigned 64-bit counters.
          values[i] = BigInt.asUintN(64, s.value - values[i]);
        }
      }
    };
    collect(first, false);
    if (percent && !present[USAGE]) {
      // virsh samples twice, one second apart, and reports the difference.
      await sleep(1000);
      collect(await ctx.attempt('Unable to get node cpu stats', () => conn.nodeGetCPUStats(cpu, 0)), true);
    }
    if (!percent) {
      CPU_STAT_FIELDS.slice(0, USAGE).forEach(([, label], i) => {
        if (present[i]) ctx.print(`${left(label, 15)} ${right(values[i], 20)}\n`);
      });
      return true;
    }
    if (present[USAGE]) {
      ctx.print(`${left('usage:', 15)} ${right(values[USAGE], 5)}%\n`);
      ctx.print(`${left('idle:', 15)} ${right(BigInt.asUintN(64, 100n - values[USAGE]), 5)}%\n`);
      return true;
    }
    const total = values.slice(0, USAGE).reduce((sum, v) => sum + Number(v), 0);
    const usage = ((Number(values[0]) + Number(values[1])) / total) * 100;
    ctx.print(`${left('usage:', 15)} ${fixed1(usage)}%\n`);
    CPU_STAT_FIELDS.slice(0, USAGE).forEach(([, label], i) => {
      if (present[i]) ctx.print(`${left(label, 15)} ${fixed1((Number(values[i]) / total) * 100)}%\n`);
    });
    return true;
  },

  'cpu-models': async (ctx, opts) => {
    const arch = opts.requiredString('arch');
    const conn = await ctx.conn();
    const models = await ctx.attempt('failed to get CPU model names', () => conn.getCPUModelNames(arch, 0));
    if (models.length === 0) ctx.printExtra('all CPU models are accepted\n');
    for (const m of models) ctx.print(`${m}\n`);
    return true;
  },
};
