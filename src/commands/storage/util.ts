import type { PoolHandle, VolumeHandle } from '../../core/api/handles.js';
import type { Connection } from '../../core/api/connection.js';
import type { CommandContext, CommandOptions } from '../types.js';
import { formatTable } from '../domain/table.js';

/** Which ways virsh may resolve a pool or volume argument (VIRSH_BYUUID / VIRSH_BYNAME). */
export interface By {
  uuid: boolean;
  name: boolean;
}
export const BY_ANY: By = { uuid: true, name: true };

/**
 * virshCommandOptPoolBy: the option's value as a UUID (when it has a UUID's length), then as
 * a name; on failure prints "failed to get pool" and rethrows libvirt's error (if a lookup made one)
 * for the shell.
 */
export async function optPool(ctx: CommandContext, opts: CommandOptions, opt = 'pool', by: By = BY_ANY): Promise<PoolHandle | undefined> {
  const conn = await ctx.conn();
  const n = opts.requiredString(opt);
  ctx.debug(1, `${ctx.command}: found option <${opt}>: ${n}\n`);
  let last: unknown;
  if (by.uuid && n.length === 36) {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as pool UUID\n`);
    try {
      return await conn.storagePoolLookupByUUIDString(n);
    } catch (e) {
      last = e;
    }
  }
  if (by.name) {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as pool NAME\n`);
    try {
      return await conn.storagePoolLookupByName(n);
    } catch (e) {
      last = e;
    }
  }
  ctx.error(`failed to get pool '${n}'`);
  if (last) throw last;
  return undefined;
}

async function attemptAll(conn: Connection, tries: ((c: Connection) => Promise<VolumeHandle>)[]): Promise<[VolumeHandle | undefined, unknown]> {
  let last: unknown;
  for (const t of tries) {
    try {
      return [await t(conn), undefined];
    } catch (e) {
      last = e;
    }
  }
  return [undefined, last];
}

/**
 * virshCommandOptVolBy: with --pool, a name in that (active) pool; otherwise a key, then a path.
 * Prints virsh's own failure lines; a libvirt error, if any, is rethrown for the shell.
 */
export async function optVol(
  ctx: CommandContext,
  opts: CommandOptions,
  opt = 'vol',
  poolOpt: string | null = 'pool',
  by: By = BY_ANY,
): Promise<VolumeHandle | undefined> {
  const conn = await ctx.conn();
  const n = opts.requiredString(opt);
  const p = poolOpt === null ? undefined : opts.string(poolOpt);
  let pool: PoolHandle | undefined;
  if (p !== undefined) {
    pool = await optPool(ctx, opts, poolOpt ?? undefined, by);
    if (!pool) return undefined;
    if (!(await conn.storagePoolIsActive(pool))) {
      ctx.error(`pool '${p}' is not active`);
      return undefined;
    }
  }
  ctx.debug(0, `${ctx.command}: found option <${opt}>: ${n}\n`);
  const tries: ((c: Connection) => Promise<VolumeHandle>)[] = [];
  const traced = (how: string, t: (c: Connection) => Promise<VolumeHandle>) => (c: Connection) => {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as vol ${how}\n`);
    return t(c);
  };
  if (pool && by.name) tries.push(traced('name', (c) => c.storageVolLookupByName(pool!, n)));
  if (by.uuid) tries.push(traced('key', (c) => c.storageVolLookupByKey(n)), traced('path', (c) => c.storageVolLookupByPath(n)));
  const [vol, err] = await attemptAll(conn, tries);
  if (!vol) {
    ctx.error(pool || poolOpt === null ? `failed to get vol '${n}'` : `failed to get vol '${n}', specifying --${poolOpt} might help`);
    if (err) throw err;
    return undefined;
  }
  if (pool) {
    const volPool = await conn.storagePoolLookupByVolume(vol);
    if (volPool.name !== pool.name) {
      ctx.error(`Requested volume '${n}' is not in pool '${pool.name}'`);
      return undefined;
    }
  }
  return vol;
}

/** VSH_EXCLUSIVE_OPTIONS: reports and returns false when both options are given. */
export function exclusive(ctx: CommandContext, opts: CommandOptions, a: string, b: string): boolean {
  if (opts.has(a) && opts.has(b)) {
    ctx.error(`Options --${a} and --${b} are mutually exclusive`);
    return false;
  }
  return true;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** vshPrettyCapacity formatted as "%.2lf UNIT". */
export function prettyCapacity(value: bigint): string {
  // virsh compares and divides the value as a double: above 2^53 it is rounded first
  // (2^60 - 1 bytes is already 1.00 EiB).
  const bytes = BigInt(Number(value));
  let i = 0;
  let limit = 1024n;
  while (i < UNITS.length - 1 && bytes >= limit) {
    limit *= 1024n;
    i++;
  }
  // Exact binary fractions round half to even, as glibc's printf does.
  const div = limit / 1024n;
  let q = (bytes * 100n) / div;
  const r2 = ((bytes * 100n) % div) * 2n;
  if (r2 > div || (r2 === div && q % 2n === 1n)) q++;
  return `${q / 100n}.${(q % 100n).toString().padStart(2, '0')} ${UNITS[i]}`;
}

/** vshTablePrintToStdout: the header and its dashes are left out under -q. */
export function printTable(ctx: CommandContext, header: string[], rows: string[][]): void {
  ctx.print(formatTable(header, rows, !ctx.shell.quiet));
}
