import type { TypedParam } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { affectFlags, formatMap, formatTable, hostCpuCount, optDomain, parseCpuList } from './util.js';


export const iothreadinfo: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const info = await ctx.attempt('Unable to get domain IOThreads information', () => conn.domainGetIOThreadInfo(dom, flags));
  if (info.length === 0) {
    ctx.printExtra('No IOThreads found for the domain');
    return true;
  }
  const rows = info.map((t) => [String(t.iothreadId), formatMap(t.cpumap, Math.ceil(t.cpumap.length / 8) * 8)]);
  ctx.print(formatTable(['IOThread ID', 'CPU Affinity'], rows, !ctx.shell.quiet));
  return true;
};

export const iothreadpin: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const id = opts.uint('iothread') ?? 0;
  const cpulist = opts.requiredString('cpulist');
  const conn = await ctx.conn();
  const map = parseCpuList(cpulist, await hostCpuCount(conn));
  await conn.domainPinIOThread(dom, id, map, flags);
  return true;
};

/** iothreadadd / iothreaddel: a positive id, then the call. */
function addOrDel(del: boolean): Handler {
  return async (ctx, opts) => {
    const flags = affectFlags(ctx, opts);
    if (flags === undefined) return false;
    const dom = await optDomain(ctx, opts);
    if (!dom) return false;
    const id = opts.int('id') ?? 0;
    if (id <= 0) {
      ctx.error(`Invalid IOThread id value: '${id}'`);
      return false;
    }
    const conn = await ctx.conn();
    if (del) await conn.domainDelIOThread(dom, id, flags);
    else await conn.domainAddIOThread(dom, id, flags);
    return true;
  };
}

export const iothreadadd = addOrDel(false);
export const iothreaddel = addOrDel(true);

export const iothreadset: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const id = opts.int('id') ?? 0;
  if (id <= 0) {
    ctx.error(`Invalid IOThread id value: '${id}'`);
    return false;
  }
  const params: TypedParam[] = [];
  const max = opts.ulong('poll-max-ns');
  // The option names are virsh's; the parameter names are libvirt's VIR_DOMAIN_IOTHREAD_* (underscores).
  if (max !== undefined) params.push({ field: 'poll_max_ns', type: 4, value: max });
  for (const name of ['poll-grow', 'poll-shrink']) {
    const v = opts.uint(name);
    if (v !== undefined) params.push({ field: name.replaceAll('-', '_'), type: 2, value: v });
  }
  for (const name of ['thread-pool-min', 'thread-pool-max']) {
    const v = opts.int(name);
    if (v !== undefined) params.push({ field: name.replaceAll('-', '_'), type: 1, value: v });
  }
  if (params.length === 0) {
    ctx.error('Not enough arguments passed, nothing to set');
    return false;
  }
  await (await ctx.conn()).domainSetIOThreadParams(dom, id, params, flags);
  return true;
};
