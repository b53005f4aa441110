import type { Handler, HandlerTable } from '../types.js';
import type { PoolHandle } from '../../core/api/handles.js';
import type { Connection } from '../../core/api/connection.js';
import { PoolBuildFlags, PoolCreateFlags, PoolDefineFlags } from '../../core/api/storage.js';
import { exclusive, optPool } from './util.js';

/** --build / --overwrite / --no-overwrite as virStoragePoolCreateFlags (pool-create, -start, -create-as). */
export function createFlags(opts: Parameters<Handler>[1]): number {
  return (
    (opts.bool('build') ? PoolCreateFlags.WITH_BUILD : 0) |
    (opts.bool('overwrite') ? PoolCreateFlags.WITH_BUILD_OVERWRITE : 0) |
    (opts.bool('no-overwrite') ? PoolCreateFlags.WITH_BUILD_NO_OVERWRITE : 0)
  );
}

/**
 * The one-pool commands that share virsh's shape: look the pool up, make one call, print
 * "Pool NAME <done>" or "Failed to <verb> pool NAME" (NAME as the user typed it).
 */
function simple(
  verb: string,
  done: string,
  call: (conn: Connection, pool: PoolHandle, opts: Parameters<Handler>[1]) => Promise<void>,
): Handler {
  return async (ctx, opts) => {
    const pool = await optPool(ctx, opts);
  if (!pool) return false;
    const name = opts.requiredString('pool');
    await ctx.attempt(`Failed to ${verb} pool ${name}`, async () => call(await ctx.conn(), pool, opts));
    ctx.printExtra(`Pool ${name} ${done}\n`);
    return true;
  };
}

const poolStart: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const name = opts.requiredString('pool');
  if (!exclusive(ctx, opts, 'overwrite', 'no-overwrite')) return false;
  await ctx.attempt(`Failed to start pool ${name}`, async () => (await ctx.conn()).storagePoolCreate(pool, createFlags(opts)));
  ctx.printExtra(`Pool ${name} started\n`);
  return true;
};

const poolAutostart: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const name = opts.requiredString('pool');
  const on = !opts.bool('disable');
  await ctx.attempt(on ? `failed to mark pool ${name} as autostarted` : `failed to unmark pool ${name} as autostarted`, async () =>
    (await ctx.conn()).storagePoolSetAutostart(pool, on),
  );
  ctx.printExtra(on ? `Pool ${name} marked as autostarted\n` : `Pool ${name} unmarked as autostarted\n`);
  return true;
};

const poolDefine: Handler = async (ctx, opts) => {
  const file = opts.requiredString('file');
  const xml = await ctx.readFile(file);
  const flags = opts.bool('validate') ? PoolDefineFlags.VALIDATE : 0;
  const pool = await ctx.attempt(`Failed to define pool from ${file}`, async () => (await ctx.conn()).storagePoolDefineXML(xml, flags));
  ctx.printExtra(`Pool ${pool.name} defined from ${file}\n`);
  return true;
};

const poolCreate: Handler = async (ctx, opts) => {
  const file = opts.requiredString('file');
  if (!exclusive(ctx, opts, 'overwrite', 'no-overwrite')) return false;
  const xml = await ctx.readFile(file);
  const pool = await ctx.attempt(`Failed to create pool from ${file}`, async () =>
    (await ctx.conn()).storagePoolCreateXML(xml, createFlags(opts)),
  );
  ctx.printExtra(`Pool ${pool.name} created from ${file}\n`);
  return true;
};

export const poolLifecycleHandlers: HandlerTable = {
  'pool-autostart': poolAutostart,
  'pool-build': simple('build', 'built', (c, p, o) =>
    c.storagePoolBuild(p, (o.bool('no-overwrite') ? PoolBuildFlags.NO_OVERWRITE : 0) | (o.bool('overwrite') ? PoolBuildFlags.OVERWRITE : 0)),
  ),
  'pool-create': poolCreate,
  'pool-define': poolDefine,
  'pool-delete': simple('delete', 'deleted', (c, p) => c.storagePoolDelete(p, 0)),
  'pool-destroy': simple('destroy', 'destroyed', (c, p) => c.storagePoolDestroy(p)),
  'pool-refresh': simple('refresh', 'refreshed', (c, p) => c.storagePoolRefresh(p, 0)),
  'pool-start': poolStart,
  'pool-undefine': simple('undefine', 'has been undefined', (c, p) => c.storagePoolUndefine(p)),
};
