import { watchJob } from '../job/watch.js';
import type { Connection } from '../../core/api/connection.js';
import { MigrateFlags as M, MigrateParam as P, ParamType, type TypedParam } from '../../core/api/domain-devices.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { exclusive, optDomain, requireOpt } from './util.js';

/** Boolean options and the migration flag each sets. */
const flagOpts: readonly (readonly [string, number])[] = [
  ['live', M.LIVE],
  ['p2p', M.PEER2PEER],
  ['tunnelled', M.TUNNELLED],
  ['persistent', M.PERSIST_DEST],
  ['undefinesource', M.UNDEFINE_SOURCE],
  ['suspend', M.PAUSED],
  ['copy-storage-all', M.NON_SHARED_DISK],
  ['copy-storage-inc', M.NON_SHARED_INC],
  ['change-protection', M.CHANGE_PROTECTION],
  ['unsafe', M.UNSAFE],
  ['compressed', M.COMPRESSED],
  ['auto-converge', M.AUTO_CONVERGE],
  ['rdma-pin-all', M.RDMA_PIN_ALL],
  ['offline', M.OFFLINE],
  ['abort-on-error', M.ABORT_ON_ERROR],
  ['postcopy', M.POSTCOPY],
  ['postcopy-resume', M.POSTCOPY_RESUME],
  ['zerocopy', M.ZEROCOPY],
  ['tls', M.TLS],
  ['parallel', M.PARALLEL],
];

type Kind = 'string' | 'list' | 'port' | 'int' | 'ullong' | 'file';

/**
 * The options that become typed parameters, in the order virsh reads them (so the first bad
 * value is the one reported). `port` is an int that only counts when non-zero.
 */
const paramOpts: readonly (readonly [opt: string, kind: Kind, field: string])[] = [
  ['migrateuri', 'string', P.URI],
  ['graphicsuri', 'string', P.GRAPHICS_URI],
  ['listen-address', 'string', P.LISTEN_ADDRESS],
  ['disks-port', 'port', P.DISKS_PORT],
  ['disks-uri', 'string', P.DISKS_URI],
  ['dname', 'string', P.DEST_NAME],
  ['migrate-disks', 'list', P.MIGRATE_DISKS],
  ['comp-methods', 'list', P.COMPRESSION],
  ['comp-mt-level', 'int', P.COMPRESSION_MT_LEVEL],
  ['comp-mt-threads', 'int', P.COMPRESSION_MT_THREADS],
  ['comp-mt-dthreads', 'int', P.COMPRESSION_MT_DTHREADS],
  ['comp-xbzrle-cache', 'ullong', P.COMPRESSION_XBZRLE_CACHE],
  ['xml', 'file', P.DEST_XML],
  ['persistent-xml', 'file', P.PERSIST_XML],
  ['auto-converge-initial', 'int', P.AUTO_CONVERGE_INITIAL],
  ['auto-converge-increment', 'int', P.AUTO_CONVERGE_INCREMENT],
  ['postcopy-bandwidth', 'ullong', P.BANDWIDTH_POSTCOPY],
  ['parallel-connections', 'int', P.PARALLEL_CONNECTIONS],
  ['bandwidth', 'ullong', P.BANDWIDTH],
  ['tls-destination', 'string', P.TLS_DESTINATION],
];

async function readParam(ctx: CommandContext, opts: CommandOptions, opt: string, kind: Kind, field: string): Promise<TypedParam[]> {
  const str = (value: string): TypedParam => ({ field, type: ParamType.STRING, value });
  switch (kind) {
    case 'string': {
      const v = opts.string(opt);
      return v === undefined ? [] : [str(v)];
    }
    case 'list': {
      const v = opts.string(opt);
      return v === undefined ? [] : v.split(',').map(str);
    }
    case 'port': {
      const v = opts.int(opt) ?? 0;
      return v ? [{ field, type: ParamType.INT, value: v }] : [];
    }
    case 'int': {
      const v = opts.int(opt);
      return v === undefined ? [] : [{ field, type: ParamType.INT, value: v }];
    }
    case 'ullong': {
      const v = opts.ulong(opt);
      return v === undefined ? [] : [{ field, type: ParamType.ULLONG, value: v }];
    }
    case 'file': {
      const path = opts.string(opt);
      if (path === undefined) return [];
      return [str(await ctx.attempt(`cannot read file '${path}'`, () => ctx.readFile(path)))];
    }
  }
}

/** cmdMigrate's own option rules, checked before anything is looked up. */
function checkOptions(ctx: CommandContext, opts: CommandOptions): boolean {
  return (
    exclusive(ctx, opts, 'live', 'offline') &&
    exclusive(ctx, opts, 'timeout-suspend', 'timeout-postcopy') &&
    requireOpt(ctx, opts, 'postcopy-after-precopy', 'postcopy') &&
    requireOpt(ctx, opts, 'postcopy-resume', 'postcopy') &&
    requireOpt(ctx, opts, 'timeout-postcopy', 'postcopy') &&
    requireOpt(ctx, opts, 'persistent-xml', 'persistent') &&
    requireOpt(ctx, opts, 'tls-destination', 'tls')
  );
}

/** --timeout needs --live, and --timeout-* needs --timeout. */
function checkTimeout(ctx: CommandContext, opts: CommandOptions): boolean {
  const timeout = opts.uint('timeout') ?? 0;
  if (timeout > 0 && !opts.bool('live')) {
    ctx.error('migrate: Unexpected timeout for offline migration');
    return false;
  }
  if (timeout === 0 && (opts.bool('timeout-suspend') || opts.bool('timeout-postcopy'))) {
    ctx.error('migrate: Unexpected --timeout-* option without --timeout');
    return false;
  }
  return true;
}

export const migrate: Handler = async (ctx, opts) => {
  if (!checkOptions(ctx, opts)) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom || !checkTimeout(ctx, opts)) return false;
  const desturi = opts.requiredString('desturi');
  const managed = !opts.bool('p2p') && !opts.bool('direct');
  // Managed migration connects to the destination itself (read-write), before the job starts.
  const dconn: Connection | undefined = managed ? await ctx.connectTo(desturi) : undefined;
  try {
    const params: TypedParam[] = [];
    for (const [opt, kind, field] of paramOpts) params.push(...(await readParam(ctx, opts, opt, kind, field)));
    let flags = flagOpts.reduce((f, [opt, bit]) => (opts.bool(opt) ? f | bit : f), 0);
    if (opts.bool('copy-storage-synchronous-writes')) {
      if (!(flags & (M.NON_SHARED_DISK | M.NON_SHARED_INC))) {
        ctx.error("'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', 'copy-storage-inc'");
        return false;
      }
      flags |= M.NON_SHARED_SYNCHRONOUS_WRITES;
    }
    const conn = await ctx.conn();
    await watchJob({ conn, dom, label: 'Migration', verbose: opts.bool('verbose'), debug: ctx.debug, lookup: () => optDomain(ctx, opts) }, async () => {
      if (dconn) await conn.domainMigrate3(dom, dconn, params, flags);
      else await conn.domainMigrateToURI3(dom, desturi, params, flags);
    });
    return true;
  } finally {
    await dconn?.close();
  }
};
