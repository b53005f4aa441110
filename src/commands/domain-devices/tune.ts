import type { TypedParam } from '../../core/api/domain-devices.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { virErr } from '../../core/errors.js';
import { strToInt, strToLongLong, strToUInt, strToULongLong } from '../../core/strtol.js';
import { numOpt } from './numopt.js';
import { affectFlags, optDomain, printParams } from './util.js';
import { parseRate } from './rate.js';

const LIVE = 1;
const CONFIG = 2;
const [INT, UINT, LLONG, ULLONG, BOOLEAN, STRING] = [1, 2, 3, 4, 6, 7];


export const blkiotune: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const params: TypedParam[] = [];
  const weight = opts.int('weight');
  if (weight !== undefined) {
    if (weight <= 0) {
      ctx.error(`Invalid value of ${weight} for I/O weight`);
      return false;
    }
    params.push({ field: 'weight', type: UINT, value: weight });
  }
  const lists: Array<[string, string]> = [
    ['device-weights', 'device_weight'],
    ['device-read-iops-sec', 'device_read_iops_sec'],
    ['device-write-iops-sec', 'device_write_iops_sec'],
    ['device-read-bytes-sec', 'device_read_bytes_sec'],
    ['device-write-bytes-sec', 'device_write_bytes_sec'],
  ];
  for (const [opt, field] of lists) {
    const v = opts.stringQuiet(opt);
    // An empty list is present but unreadable (vshCommandOptStringQuiet's -1).
    if (v === undefined && opts.has(opt)) {
      ctx.error('Unable to parse string parameter');
      return false;
    }
    if (v !== undefined) params.push({ field, type: STRING, value: v });
  }
  const conn = await ctx.conn();
  if (params.length) {
    await ctx.attempt('Unable to change blkio parameters', () => conn.domainSetBlkioParameters(dom, params, flags));
    return true;
  }
  // The public API refuses LIVE|CONFIG already when asked for the parameter count.
  const context = flags === (LIVE | CONFIG) ? 'Unable to get number of blkio parameters' : 'Unable to get blkio parameters';
  printParams(ctx, await ctx.attempt(context, () => conn.domainGetBlkioParameters(dom, flags)));
  return true;
};

const IOTUNE_SCALED = ['total-bytes-sec', 'read-bytes-sec', 'write-bytes-sec', 'total-bytes-sec-max', 'read-bytes-sec-max', 'write-bytes-sec-max'];
const IOTUNE_PLAIN = [
  'total-iops-sec', 'read-iops-sec', 'write-iops-sec', 'total-iops-sec-max', 'read-iops-sec-max',
  'write-iops-sec-max', 'size-iops-sec', 'total-bytes-sec-max-length', 'read-bytes-sec-max-length',
  'write-bytes-sec-max-length', 'total-iops-sec-max-length', 'read-iops-sec-max-length', 'write-iops-sec-max-length',
];
const ULLONG_MAX = 2n ** 64n - 1n;

export const blkdeviotune: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const disk = opts.requiredString('device');
  const params: TypedParam[] = [];
  const field = (opt: string) => opt.replace(/-/g, '_');
  for (const opt of IOTUNE_SCALED) {
    const v = numOpt(ctx, () => opts.scaled(opt, 1, ULLONG_MAX), 'Unable to parse integer parameter');
    if (v === null) return false;
    if (v !== undefined) params.push({ field: field(opt), type: ULLONG, value: v });
  }
  for (const opt of IOTUNE_PLAIN) {
    const v = numOpt(ctx, () => opts.ulong(opt), 'Unable to parse integer parameter');
    if (v === null) return false;
    if (v !== undefined) params.push({ field: field(opt), type: ULLONG, value: v });
  }
  const group = numOpt(ctx, () => opts.string('group-name'), 'Unable to parse group-name parameter');
  if (group === null) return false;
  if (group !== undefined) params.push({ field: 'group_name', type: STRING, value: group });
  const conn = await ctx.conn();
  if (params.length) {
    await ctx.attempt('Unable to change block I/O throttle', () => conn.domainSetBlockIoTune(dom, disk, params, flags));
    return true;
  }
  const context = flags === (LIVE | CONFIG) ? 'Unable to get number of block I/O throttle parameters' : 'Unable to get block I/O throttle parameters';
  printParams(ctx, await ctx.attempt(context, () => conn.domainGetBlockIoTune(dom, disk, flags)));
  return true;
};

const NUMA_MODES = ['strict', 'preferred', 'interleave', 'restrictive'];

/** virStrToLong_i with base 0 (decimal, 0x hex, 0 octal). */
function cInt(s: string): number | undefined {
  const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2];
  const v = body.startsWith('0x') || body.startsWith('0X') ? parseInt(body, 16) : body.startsWith('0') ? parseInt(body, 8) : parseInt(body, 10);
  const n = m[1] === '-' ? -v : v;
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

export const numatune: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const params: TypedParam[] = [];
  const nodeset = opts.string('nodeset');
  if (nodeset !== undefined) params.push({ field: 'numa_nodeset', type: STRING, value: nodeset });
  const mode = opts.string('mode');
  if (mode !== undefined) {
    const m = NUMA_MODES.includes(mode) ? NUMA_MODES.indexOf(mode) : cInt(mode);
    if (m === undefined) {
      ctx.error(`Invalid mode: ${mode}`);
      return false;
    }
    params.push({ field: 'numa_mode', type: INT, value: m });
  }
  const conn = await ctx.conn();
  if (params.length) {
    await ctx.attempt('Unable to change numa parameters', () => conn.domainSetNumaParameters(dom, params, flags));
    return true;
  }
  const got = await ctx.attempt('Unable to get numa parameters', () => conn.domainGetNumaParameters(dom, flags));
  printParams(
    ctx,
    got.map((p) => (p.type === INT && p.field === 'numa_mode' ? { ...p, type: STRING, value: NUMA_MODES[p.value as number] ?? '(null)' } : p)),
  );
  return true;
};

export const perf: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const enable = opts.string('enable');
  const disable = opts.string('disable');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const params: TypedParam[] = [];
  const add = (list: string | undefined, on: boolean) => {
    for (const ev of list?.split(',') ?? []) if (ev) params.push({ field: ev, type: BOOLEAN, value: on });
  };
  add(enable, true);
  add(disable, false);
  const conn = await ctx.conn();
  const show = (list: TypedParam[]) => {
    for (const p of list) ctx.printExtra(`${p.field.padEnd(15)}: ${p.type === BOOLEAN && p.value ? 'enabled' : 'disabled'}\n`);
  };
  if (params.length) {
    await ctx.attempt('Unable to enable/disable perf events', () => conn.domainSetPerfEvents(dom, params, flags));
    show(params);
    return true;
  }
  show(await ctx.attempt('Unable to get perf events', () => conn.domainGetPerfEvents(dom, flags)));
  return true;
};

/** cmdSchedInfoUpdate: `--set name=value` items and the legacy --cap/--weight, typed after
 * the parameters the domain reports. */
function schedUpdates(ctx: CommandContext, opts: CommandOptions, current: TypedParam[]): TypedParam[] | undefined {
  const out: TypedParam[] = [];
  const one = (field: string, value: string): boolean => {
    const known = current.find((p) => p.field === field);
    if (!known) {
      ctx.error(`invalid scheduler option: ${field}`);
      return false;
    }
    out.push({ field, type: known.type, value: fromString(field, known.type, value) });
    return true;
  };
  for (const item of opts.argv('set')) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      ctx.error('Invalid syntax for --set, expecting name=value');
      return undefined;
    }
    if (!one(item.slice(0, eq), item.slice(eq + 1))) return undefined;
  }
  for (const legacy of ['cap', 'weight']) {
    const v = opts.string(legacy);
    if (v !== undefined && !one(legacy, v)) return undefined;
  }
  return out;
}

/** virTypedParamsAddFromString: converts `value` to the parameter's type, or fails as libvirt. */
function fromString(field: string, type: number, value: string): TypedParam['value'] {
  const check = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw virErr('INVALID_ARG', `Invalid value for field '${field}': expected ${what}`);
    return v;
  };
  switch (type) {
    case STRING:
      return value;
    case BOOLEAN: {
      const v = value.toLowerCase();
      if (v === 'true' || value === '1') return true;
      if (v === 'false' || value === '0') return false;
      throw virErr('INVALID_ARG', `Invalid boolean value for field '${field}'`);
    }
    case INT:
      return check(strToInt(value), 'int');
    case UINT:
      return check(strToUInt(value, true), 'unsigned int');
    case LLONG:
      return check(strToLongLong(value), 'long long');
    case ULLONG:
      return check(strToULongLong(value, true), 'unsigned long long');
    default: {
      const d = Number(value);
      if (value.trim() === '' || Number.isNaN(d)) throw virErr('INVALID_ARG', `Invalid value for field '${field}': expected double`);
      return d;
    }
  }
}

export const schedinfo: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const current = opts.bool('current');
  const queryFlags = flags === (LIVE | CONFIG) ? 0 : flags;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const { type, nparams } = await conn.domainGetSchedulerType(dom);
  ctx.print(`${'Scheduler'.padEnd(15)}: ${type}\n`);
  if (!nparams) return false;
  const withFlags = flags !== 0 || current;
  const get = () => (withFlags ? conn.domainGetSchedulerParametersFlags(dom, queryFlags) : conn.domainGetSchedulerParameters(dom));
  let params = await get();
  const updates = schedUpdates(ctx, opts, params);
  if (!updates) return false;
  if (updates.length) {
    if (withFlags) await conn.domainSetSchedulerParametersFlags(dom, updates, flags);
    else await conn.domainSetSchedulerParameters(dom, updates);
    params = await get();
  } else if (flags === (LIVE | CONFIG)) {
    ctx.error('cannot query both live and config at once');
    return false;
  }
  printParams(ctx, params);
  return true;
};

export const domiftune: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const device = opts.requiredString('interface');
  const inStr = opts.string('inbound');
  const outStr = opts.string('outbound');
  const params: TypedParam[] = [];
  const UINT_MAX = 4294967295n;
  const u = (field: string, v: bigint) => params.push({ field, type: UINT, value: Number(v) });
  if (inStr !== undefined) {
    const r = parseRate(ctx, inStr);
    if (!r) return false;
    if (r.average > UINT_MAX || r.peak > UINT_MAX || r.burst > UINT_MAX) {
      ctx.error(`inbound rate larger than maximum ${UINT_MAX}`);
      return false;
    }
    if (!r.average && (r.burst || r.peak) && !r.floor) {
      ctx.error('either inbound average or floor is mandatory');
      return false;
    }
    u('inbound.average', r.average);
    if (r.peak) u('inbound.peak', r.peak);
    if (r.burst) u('inbound.burst', r.burst);
    if (r.floor) u('inbound.floor', r.floor);
  }
  if (outStr !== undefined) {
    const r = parseRate(ctx, outStr);
    if (!r) return false;
    if (r.average > UINT_MAX || r.peak > UINT_MAX || r.burst > UINT_MAX) {
      ctx.error(`outbound rate larger than maximum ${UINT_MAX}`);
      return false;
    }
    if (r.average === 0n && (r.burst || r.peak)) {
      ctx.error('outbound average is mandatory');
      return false;
    }
    if (r.floor) {
      ctx.error('outbound floor is unsupported yet');
      return false;
    }
    u('outbound.average', r.average);
    if (r.peak) u('outbound.peak', r.peak);
    if (r.burst) u('outbound.burst', r.burst);
  }
  const conn = await ctx.conn();
  if (params.length) {
    await ctx.attempt('Unable to set interface parameters', () => conn.domainSetInterfaceParameters(dom, device, params, flags));
    return true;
  }
  printParams(ctx, await ctx.attempt('Unable to get interface parameters', () => conn.domainGetInterfaceParameters(dom, device, flags)));
  return true;
};

export const domlaunchsecinfo: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  printParams(ctx, await ctx.attempt('Unable to get launch security parameters', () => conn.domainGetLaunchSecurityInfo(dom, 0)));
  return true;
};
