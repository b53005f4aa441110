import { MIGRATE_MAX_SPEED_POSTCOPY } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

const speedFlags = (postcopy: boolean) => (postcopy ? MIGRATE_MAX_SPEED_POSTCOPY : 0);

export const migrateSetMaxDowntime: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const downtime = opts.ulong('downtime') ?? 0n;
  if (downtime < 1n) {
    ctx.error('migrate: Invalid downtime');
    return false;
  }
  await (await ctx.conn()).domainMigrateSetMaxDowntime(dom, downtime, 0);
  return true;
};

export const migrateGetMaxDowntime: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const downtime = await (await ctx.conn()).domainMigrateGetMaxDowntime(dom, 0);
  ctx.print(`${downtime}\n`);
  return true;
};

/** vshPrettyCapacity with "%.3lf": the largest binary unit the size reaches. */
function prettyCapacity(bytes: bigint): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let i = 0;
  while (i < units.length - 1 && bytes >= 1024n ** BigInt(i + 1)) i++;
  return `${(Number(bytes) / 1024 ** i).toFixed(3)} ${units[i]}`;
}

export const migrateCompcache: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const size = opts.ulong('size');
  const conn = await ctx.conn();
  if (size !== undefined) await conn.domainMigrateSetCompressionCache(dom, size, 0);
  const now = await conn.domainMigrateGetCompressionCache(dom, 0);
  ctx.print(`Compression cache: ${prettyCapacity(now)}`);
  return true;
};

export const migrateSetspeed: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const bandwidth = opts.ulong('bandwidth', true) ?? 0n;
  await (await ctx.conn()).domainMigrateSetMaxSpeed(dom, bandwidth, speedFlags(opts.bool('postcopy')));
  return true;
};

export const migrateGetspeed: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const bandwidth = await (await ctx.conn()).domainMigrateGetMaxSpeed(dom, speedFlags(opts.bool('postcopy')));
  ctx.print(`${bandwidth}\n`);
  return true;
};

export const migratePostcopy: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainMigrateStartPostCopy(dom, 0);
  return true;
};
