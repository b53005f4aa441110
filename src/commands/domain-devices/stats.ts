import type { DomainHandle } from '../../core/api/handles.js';
import { GetAllStats, StatsTypes, type TypedParam } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { lookupDomain } from '../domain/util.js';
import { optDomain, paramValue } from './util.js';

const STAT_OPTS: Array<[string, number]> = [
  ['state', StatsTypes.STATE],
  ['cpu-total', StatsTypes.CPU_TOTAL],
  ['balloon', StatsTypes.BALLOON],
  ['vcpu', StatsTypes.VCPU],
  ['interface', StatsTypes.INTERFACE],
  ['block', StatsTypes.BLOCK],
  ['perf', StatsTypes.PERF],
  ['iothread', StatsTypes.IOTHREAD],
  ['memory', StatsTypes.MEMORY],
  ['dirtyrate', StatsTypes.DIRTYRATE],
  ['vm', StatsTypes.VM],
];

const LIST_OPTS: Array<[string, number]> = [
  ['list-active', GetAllStats.ACTIVE],
  ['list-inactive', GetAllStats.INACTIVE],
  ['list-persistent', GetAllStats.PERSISTENT],
  ['list-transient', GetAllStats.TRANSIENT],
  ['list-running', GetAllStats.RUNNING],
  ['list-paused', GetAllStats.PAUSED],
  ['list-shutoff', GetAllStats.SHUTOFF],
  ['list-other', GetAllStats.OTHER],
  ['enforce', GetAllStats.ENFORCE_STATS],
  ['backing', GetAllStats.BACKING],
  ['nowait', GetAllStats.NOWAIT],
];

export const domstats: Handler = async (ctx, opts) => {
  let stats = 0;
  for (const [o, bit] of STAT_OPTS) if (opts.bool(o)) stats |= bit;
  let flags = 0;
  for (const [o, bit] of LIST_OPTS) if (opts.bool(o)) flags = (flags | bit) >>> 0;
  const conn = await ctx.conn();
  let records;
  if (opts.has('domain')) {
    const doms: DomainHandle[] = [];
    for (const name of opts.argv('domain')) {
      const dom = await lookupDomain(ctx, name);
      if (!dom) return false;
      doms.push(dom);
    }
    records = await conn.domainListGetStats(doms, stats, flags);
  } else {
    records = await conn.connectGetAllDomainStats(stats, flags);
  }
  records.forEach((r, i) => {
    ctx.print(`Domain: '${r.dom.name}'\n`);
    for (const p of r.params) ctx.print(`  ${p.field}=${paramValue(p)}\n`);
    if (i < records.length - 1) ctx.print('\n');
  });
  return true;
};

const CONTROL_STATES = ['ok', 'background job', 'occupied', 'error'];
const CONTROL_ERRORS = ['none', 'unknown', 'monitor failure', 'internal (locking) error'];

export const domcontrol: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const info = await (await ctx.conn()).domainGetControlInfo(dom, 0);
  const state = CONTROL_STATES[info.state] ?? 'unknown';
  if (info.state !== 0 && info.state !== 3) ctx.print(`${state} (${(info.stateTime / 1000).toFixed(3)}s)\n`);
  else if (info.state === 3 && info.details > 0) ctx.print(`${state}: ${CONTROL_ERRORS[info.details] ?? 'unknown'}\n`);
  else ctx.print(`${state}\n`);
  return true;
};

const TIME_FIELDS = ['cpu_time', 'vcpu_time', 'user_time', 'system_time'];

function statLine(p: TypedParam): string {
  if (TIME_FIELDS.includes(p.field) && p.type === 4) {
    const v = p.value as bigint;
    return `\t${p.field.padEnd(12)} ${String(v / 1000000000n).padStart(9)}.${String(v % 1000000000n).padStart(9, '0')} seconds\n`;
  }
  return `\t${p.field.padEnd(12)} ${paramValue(p)}\n`;
}

export const cpuStats: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  let showTotal = opts.bool('total');
  let showPerCpu = false;
  let cpu = 0;
  let count = -1;
  const start = opts.int('start');
  if (start !== undefined) {
    if (start < 0) {
      ctx.error('Invalid value for start CPU');
      return false;
    }
    cpu = start;
    showPerCpu = true;
  }
  const c = opts.int('count');
  if (c !== undefined) {
    if (c < 0) {
      ctx.error('Invalid value for number of CPUs to show');
      return false;
    }
    count = c;
    showPerCpu = true;
  }
  if (!showTotal && !showPerCpu) showTotal = showPerCpu = true;
  const conn = await ctx.conn();
  const failed = `Failed to retrieve CPU statistics for domain '${dom.name}'`;
  if (showPerCpu) {
    const maxId = (await ctx.attempt(failed, () => conn.domainGetCPUStats(dom, 0, 0, 0))).length;
    if (cpu >= maxId) {
      ctx.error(`Start CPU ${cpu} is out of range (min: 0, max: ${maxId - 1})`);
      return false;
    }
    if (count < 0 || count > maxId) {
      if (count > maxId) ctx.print(`Only ${maxId} CPUs available to show\n`);
      count = maxId - cpu;
    }
    while (count > 0) {
      const n = Math.min(count, 128);
      const rows = await ctx.attempt(failed, () => conn.domainGetCPUStats(dom, cpu, n, 0));
      rows.forEach((row, i) => {
        if (row.length === 0) return;
        ctx.print(`CPU${cpu + i}:\n`);
        for (const p of row) ctx.print(statLine(p));
      });
      cpu += n;
      count -= n;
    }
    if (!showTotal) return true;
  }
  const total = await ctx.attempt(failed, () => conn.domainGetCPUStats(dom, -1, 1, 0));
  ctx.print('Total:\n');
  for (const p of total[0] ?? []) ctx.print(statLine(p));
  return true;
};
