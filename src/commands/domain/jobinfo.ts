// domjobinfo (cmdDomjobinfo): the job statistics API first, the older job info call when the
// driver lacks it (which takes no flags), then virsh's summary or the raw parameters.
import { ErrorCodes } from '../../core/error-codes.js';
import { VirError } from '../../core/errors.js';
import { ParamType, type TypedParam } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

/** VIR_DOMAIN_JOB_STATS_COMPLETED / _KEEP_COMPLETED */
const COMPLETED = 1;
const KEEP_COMPLETED = 2;

/** virDomainJobInfo's fields as the statistics parameters they stand for. */
const JOB_INFO_PARAMS = {
  timeElapsed: 'time_elapsed',
  timeRemaining: 'time_remaining',
  dataTotal: 'data_total',
  dataProcessed: 'data_processed',
  dataRemaining: 'data_remaining',
  memTotal: 'memory_total',
  memProcessed: 'memory_processed',
  memRemaining: 'memory_remaining',
  fileTotal: 'disk_total',
  fileProcessed: 'disk_processed',
  fileRemaining: 'disk_remaining',
} as const;

/** virshDomainJob, by virDomainJobType */
const JOB_TYPES = ['None', 'Bounded', 'Unbounded', 'Completed', 'Failed', 'Cancelled'];

/** virshDomainJobOperation, by virDomainJobOperation */
const OPERATIONS = ['Unknown', 'Start', 'Save', 'Restore', 'Incoming migration', 'Outgoing migration', 'Snapshot', 'Snapshot revert', 'Dump', 'Backup', 'Snapshot delete'];

/** virDomainJobType values the summary treats specially. */
const JOB = { NONE: 0, BOUNDED: 1, UNBOUNDED: 2, COMPLETED: 3 } as const;

/** vshPrettyCapacity printed as "%-.3lf UNIT". */
function capacity(bytes: bigint): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let i = 0;
  while (i < units.length - 1 && bytes >= 1024n ** BigInt(i + 1)) i++;
  return `${(Number(bytes) / 1024 ** i).toFixed(3)} ${units[i]}`;
}

const label = (text: string) => text.padEnd(17);
const num = (v: bigint | number | string, width: number) => String(v).padEnd(width);

/**
 * The lines after the data, memory and file blocks, in virsh's order: parameter, label, and
 * how the value prints (absent parameters print nothing).
 */
const TRAILING: Array<[string, string, (v: bigint | number) => string]> = [
  ['memory_constant', 'Constant pages:', (v) => num(v, 12)],
  ['memory_normal', 'Normal pages:', (v) => num(v, 12)],
  ['memory_normal_bytes', 'Normal data:', (v) => capacity(BigInt(v))],
  ['downtime', 'Expected downtime:', (v) => `${num(v, 12)} ms`],
  ['downtime_net', 'Downtime w/o network:', (v) => `${num(v, 12)} ms`],
  ['setup_time', 'Setup time:', (v) => `${num(v, 12)} ms`],
  ['compression_cache', 'Compression cache:', (v) => capacity(BigInt(v))],
  ['compression_bytes', 'Compressed data:', (v) => capacity(BigInt(v))],
  ['compression_pages', 'Compressed pages:', (v) => num(v, 13)],
  ['compression_cache_misses', 'Compression cache misses:', (v) => num(v, 13)],
  ['compression_overflow', 'Compression overflows:', (v) => num(v, 13)],
  ['auto_converge_throttle', 'Auto converge throttle:', (v) => num(v, 13)],
  ['disk_temp_used', 'Temporary disk space use:', (v) => capacity(BigInt(v))],
  ['disk_temp_total', 'Temporary disk space total:', (v) => capacity(BigInt(v))],
];

/** The statistics virsh prints for a running (or, asked for, finished) job. */
function jobSummary(type: number, params: TypedParam[], anystats: boolean, completed: boolean): string {
  const byName = new Map(params.map((p) => [p.field, p]));
  const get = (name: string): bigint | undefined => {
    const p = byName.get(name);
    return p === undefined ? undefined : BigInt(p.value as number | bigint);
  };
  const val = (name: string) => get(name) ?? 0n;
  let out = `${label('Operation:')} ${num(OPERATIONS[Number(get('operation') ?? 0n)] ?? 'unknown', 12)}\n`;
  if (!anystats && type !== JOB.BOUNDED && type !== JOB.UNBOUNDED && !(completed && type === JOB.COMPLETED)) return out;
  const line = (name: string, text: string) => (out += `${label(name)} ${text}\n`);
  line('Time elapsed:', `${num(val('time_elapsed'), 12)} ms`);
  if (get('time_elapsed_net') !== undefined) line('Time elapsed w/o network:', `${num(val('time_elapsed_net'), 12)} ms`);
  if (type === JOB.BOUNDED) line('Time remaining:', `${num(val('time_remaining'), 12)} ms`);
  const block = (prefix: string, key: string) => {
    const [processed, remaining, total] = ['processed', 'remaining', 'total'].map((k) => val(`${key}_${k}`));
    if (!processed && !remaining && !total) return false;
    line(`${prefix} processed:`, capacity(processed));
    line(`${prefix} remaining:`, capacity(remaining));
    line(`${prefix} total:`, capacity(total));
    return true;
  };
  block('Data', 'data');
  if (block('Memory', 'memory')) {
    if (get('memory_bps')) line('Memory bandwidth:', `${capacity(val('memory_bps'))}/s`);
    if (get('memory_dirty_rate') !== undefined) line('Dirty rate:', `${num(val('memory_dirty_rate'), 12)} pages/s`);
    if (get('memory_page_size') !== undefined) line('Page size:', `${num(val('memory_page_size'), 12)} bytes`);
    if (get('memory_iteration') !== undefined) line('Iteration:', num(val('memory_iteration'), 12));
    if (get('memory_postcopy_requests') !== undefined) line('Postcopy requests:', num(val('memory_postcopy_requests'), 12));
  }
  if (block('File', 'disk') && get('disk_bps')) line('File bandwidth:', `${capacity(val('disk_bps'))}/s`);
  for (const [name, text, format] of TRAILING) {
    const p = byName.get(name);
    if (p === undefined) continue;
    const shown = name === 'downtime' && type === JOB.COMPLETED ? 'Total downtime:' : text;
    line(shown, format(p.value as number | bigint));
  }
  const err = byName.get('errmsg');
  if (err !== undefined) line('Error message:', String(err.value));
  return out;
}

/** virTypedParameterToString */
function paramText(p: TypedParam): string {
  if (typeof p.value === 'boolean') return p.value ? '1' : '0';
  if (typeof p.value === 'number' && !Number.isInteger(p.value)) return p.value.toFixed(6);
  return String(p.value);
}

export const domjobinfo: Handler = async (ctx, opts) => {
  if (opts.has('keep-completed') && !opts.has('completed')) {
    ctx.error('Option --completed is required by option --keep-completed');
    return false;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const rawstats = opts.bool('rawstats');
  const flags = (opts.bool('completed') ? COMPLETED : 0) | (opts.bool('keep-completed') ? KEEP_COMPLETED : 0);
  let type: number;
  let params: TypedParam[] = [];
  try {
    ({ type, params } = await conn.domainGetJobStats(dom, flags));
  } catch (e) {
    if (!(e instanceof VirError) || e.code !== ErrorCodes.NO_SUPPORT[0]) throw e;
    if (flags || rawstats) {
      ctx.error('Optional flags or --rawstats are not supported by the daemon');
      throw e;
    }
    ctx.debug(0, 'detailed statistics not supported\n');
    const info = await conn.domainGetJobInfo(dom);
    type = info.type;
    params = Object.entries(JOB_INFO_PARAMS).map(([key, field]) => ({ field, type: ParamType.ULLONG, value: BigInt(info[key as keyof typeof JOB_INFO_PARAMS]) }));
  }
  if (rawstats) {
    ctx.print(`Job type: ${type}\n\n${params.map((p) => `${p.field}: ${paramText(p)}\n`).join('')}`);
    return true;
  }
  ctx.print(`${label('Job type:')} ${num(JOB_TYPES[type] ?? 'unknown', 12)}\n`);
  if (type !== JOB.NONE) ctx.print(jobSummary(type, params, opts.bool('anystats'), !!(flags & COMPLETED)));
  return true;
};
