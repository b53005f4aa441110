import type { TypedParam } from '../../core/api/domain-devices.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { strToULongLong, ULONG_MAX } from '../../core/strtol.js';
import { exclusive, optDomain, requireOpt } from './util.js';

/** vshCommandOptTimeoutToMs: seconds, non-zero and convertible to milliseconds. */
function timeoutMs(ctx: CommandContext, opts: CommandOptions): number | undefined {
  const t = opts.uint('timeout');
  if (t === undefined) return 0;
  if (t === 0 || t > Math.floor(2147483647 / 1000)) {
    ctx.error(`Numeric value '${t}' for <timeout> option is malformed or out of range`);
    return undefined;
  }
  return t * 1000;
}

/** --verbose/--async need a blocking mode; `modes` names the options that give one. */
function needBlocking(ctx: CommandContext, opts: CommandOptions, blocking: boolean, modes: string): boolean {
  if (blocking) return true;
  for (const o of ['verbose', 'async']) {
    if (opts.bool(o)) {
      ctx.error(`--${o} requires at least one of --timeout, ${modes}`);
      return false;
    }
  }
  return true;
}

/**
 * vshBlockJobOptionBandwidth: a plain number is MiB/s as given (a negative one wraps, for
 * history's sake); anything else is a scaled size in bytes, turned into MiB/s unless --bytes.
 */
function bandwidth(opts: CommandOptions): bigint {
  const v = opts.raw('bandwidth');
  if (v === undefined) return 0n;
  const plain = strToULongLong(v, true);
  if (plain !== undefined) return plain;
  const bytes = opts.scaled('bandwidth', 1, ULONG_MAX, '--bandwidth') ?? 0n;
  return opts.bool('bytes') ? bytes : bytes >> 20n;
}

export const blockcommit: Handler = async (ctx, opts) => {
  if (!exclusive(ctx, opts, 'pivot', 'keep-overlay')) return false;
  const pivot = opts.bool('pivot');
  const finish = opts.bool('keep-overlay');
  const active = opts.bool('active') || pivot || finish;
  const path = opts.requiredString('path');
  const base = opts.string('base') ?? null;
  const top = opts.string('top') ?? null;
  const bw = bandwidth(opts);
  let flags = 0;
  if (opts.bool('bytes')) flags |= 1 << 6;
  if (opts.bool('shallow')) flags |= 1;
  if (opts.bool('delete')) flags |= 2;
  if (active) flags |= 4;
  if (opts.bool('keep-relative')) flags |= 8;
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  const blocking = opts.bool('wait') || pivot || finish || timeout > 0;
  if (!needBlocking(ctx, opts, blocking, '--wait, --pivot, or --keep-overlay')) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainBlockCommit(dom, path, base, top, bw, flags);
  if (!blocking) ctx.printExtra(active ? 'Active Block Commit started' : 'Block Commit started');
  return true;
};

export const blockcopy: Handler = async (ctx, opts) => {
  const path = opts.requiredString('path');
  const dest = opts.string('dest');
  const xml = opts.string('xml');
  const format = opts.string('format');
  const pivot = opts.bool('pivot');
  const finish = opts.bool('finish');
  const blockdev = opts.bool('blockdev');
  const bytes = opts.bool('bytes');
  const transientJob = opts.bool('transient-job');
  const syncWrites = opts.bool('synchronous-writes');
  const printXml = opts.bool('print-xml');
  let bw = bandwidth(opts);
  const granularity = opts.uint('granularity') ?? 0;
  const bufSize = opts.ulong('buf-size') ?? 0n;
  // virDomainBlockCopyFlags and virDomainBlockRebaseFlags share these bits.
  let flags = (opts.bool('shallow') ? 1 : 0) | (opts.bool('reuse-external') ? 2 : 0);
  if (transientJob) flags |= 4;
  if (syncWrites) flags |= 8;
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  const blocking = opts.bool('wait') || pivot || finish || timeout > 0;
  if (
    !exclusive(ctx, opts, 'dest', 'xml') ||
    !exclusive(ctx, opts, 'format', 'xml') ||
    !exclusive(ctx, opts, 'blockdev', 'xml') ||
    !exclusive(ctx, opts, 'pivot', 'finish')
  ) {
    return false;
  }
  if (dest === undefined && xml === undefined) {
    ctx.error('need either --dest or --xml');
    return false;
  }
  if (!needBlocking(ctx, opts, blocking, '--wait, --pivot, or --finish')) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const destxml = xml !== undefined ? await ctx.readFile(xml) : undefined;
  const newApi = granularity || bufSize || (format !== undefined && format !== 'raw') || xml !== undefined || transientJob || syncWrites || printXml;
  if (newApi) {
    const params: TypedParam[] = [];
    if (bw) {
      if (!bytes) {
        const limit = (2n ** 64n - 1n) >> 20n;
        if (bw > limit) {
          ctx.error(`bandwidth must be less than ${limit}`);
          return false;
        }
        bw <<= 20n;
      }
      params.push({ field: 'bandwidth', type: 4, value: bw });
    }
    if (granularity) params.push({ field: 'granularity', type: 2, value: granularity });
    if (bufSize) params.push({ field: 'buf-size', type: 4, value: bufSize });
    const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
    const disk =
      destxml ??
      `<disk type='${blockdev ? 'block' : 'file'}'>\n  <source ${blockdev ? 'dev' : 'file'}='${esc(dest ?? '')}'/>\n` +
        (format !== undefined ? `  <driver type='${esc(format)}'/>\n` : '') +
        '</disk>\n';
    if (printXml) {
      ctx.print(disk);
      return true;
    }
    await conn.domainBlockCopy(dom, path, disk, params, flags);
  } else {
    flags |= 8;
    if (blockdev) flags |= 32;
    if (format === 'raw') flags |= 4;
    if (bytes) flags |= 64;
    await conn.domainBlockRebase(dom, path, dest!, bw, flags);
  }
  if (!blocking) ctx.printExtra('Block Copy started');
  return true;
};

export const blockjob: Handler = async (ctx, opts) => {
  const pairs: Array<[string, string]> = [
    ['raw', 'abort'], ['raw', 'pivot'], ['raw', 'async'], ['raw', 'bandwidth'],
    ['info', 'abort'], ['info', 'pivot'], ['info', 'async'], ['info', 'bandwidth'],
    ['bytes', 'abort'], ['bytes', 'pivot'], ['bytes', 'async'],
  ];
  for (const [a, b] of pairs) if (!exclusive(ctx, opts, a, b)) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const path = opts.requiredString('path');
  const conn = await ctx.conn();
  // A new speed wins over --abort/--pivot/--async, as in virsh.
  if (opts.has('bandwidth')) {
    await conn.domainBlockJobSetSpeed(dom, path, bandwidth(opts), opts.bool('bytes') ? 1 : 0);
    return true;
  }
  if (opts.bool('abort') || opts.bool('pivot') || opts.bool('async')) {
    const flags = (opts.bool('async') ? 1 : 0) | (opts.bool('pivot') ? 2 : 0);
    await conn.domainBlockJobAbort(dom, path, flags);
    return true;
  }
  const info = await conn.domainGetBlockJobInfo(dom, path, opts.bool('bytes') ? 1 : 0);
  if (!info) {
    ctx.printExtra(`No current block job for ${path}`);
    return true;
  }
  ctx.print(` type=${info.type}\n bandwidth=${info.bandwidth}\n cur=${info.cur}\n end=${info.end}\n`);
  return true;
};

export const blockpull: Handler = async (ctx, opts) => {
  if (!requireOpt(ctx, opts, 'verbose', 'wait') || !requireOpt(ctx, opts, 'async', 'wait')) return false;
  const path = opts.requiredString('path');
  const base = opts.string('base');
  const bw = bandwidth(opts);
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  let flags = opts.bool('keep-relative') ? 16 : 0;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  if (base !== undefined || flags) {
    if (opts.bool('bytes')) flags |= 64;
    await conn.domainBlockRebase(dom, path, base ?? null, bw, flags);
  } else {
    await conn.domainBlockPull(dom, path, bw, opts.bool('bytes') ? 64 : 0);
  }
  if (!opts.bool('wait')) ctx.printExtra('Block Pull started');
  return true;
};

export const blockresize: Handler = async (ctx, opts) => {
  const path = opts.requiredString('path');
  let size = opts.scaled('size', 1024, 2n ** 64n - 1n) ?? 0n;
  let flags = 0;
  // The older KiB interface when the size allows it.
  if (size % 1024n === 0n) size /= 1024n;
  else flags |= 1;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to resize block device '${path}'`, () => conn.domainBlockResize(dom, path, size, flags));
  ctx.printExtra(`Block device '${path}' is resized`);
  return true;
};

export const domblkthreshold: Handler = async (ctx, opts) => {
  const dev = opts.requiredString('dev');
  const threshold = opts.scaled('threshold', 1, 2n ** 64n - 1n) ?? 0n;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainSetBlockThreshold(dom, dev, threshold, 0);
  return true;
};
