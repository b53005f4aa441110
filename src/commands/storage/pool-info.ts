import { emit } from '../json/emit.js';
import type { Handler, HandlerTable } from '../types.js';
import { PoolState, StorageXMLFlags } from '../../core/api/storage.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { optPool, prettyCapacity } from './util.js';

const STATE_NAMES = ['inactive', 'building', 'running', 'degraded', 'inaccessible'];

const line = (label: string, value: string) => `${label.padEnd(15)} ${value}\n`;

const poolInfo: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const conn = await ctx.conn();
  const bytes = opts.bool('bytes');
  const info = await conn.storagePoolGetInfo(pool);
  const sized = info.state === PoolState.RUNNING || info.state === PoolState.DEGRADED;
  const persistent = await conn.storagePoolIsPersistent(pool);
  const data = {
    name: pool.name,
    uuid: pool.uuid,
    state: STATE_NAMES[info.state] ?? 'unknown',
    persistent,
    autostart: await conn.storagePoolGetAutostart(pool),
    capacity: sized ? info.capacity : null,
    allocation: sized ? info.allocation : null,
    available: sized ? info.available : null,
  };
  // vshDebug writes to stdout: the trace goes between the state and the persistent flag.
  if (!opts.bool('json')) ctx.print(line('Name:', data.name) + line('UUID:', data.uuid) + line('State:', data.state));
  ctx.debug(0, `Pool persistent flag value: ${persistent ? 1 : 0}\n`);
  emit(ctx, opts, data, (d) => {
    const fmt = (v: bigint) => (bytes ? v.toString() : prettyCapacity(v));
    let out = line('Persistent:', d.persistent ? 'yes' : 'no') + line('Autostart:', d.autostart ? 'yes' : 'no');
    if (d.capacity !== null && d.allocation !== null && d.available !== null)
      out += line('Capacity:', fmt(d.capacity)) + line('Allocation:', fmt(d.allocation)) + line('Available:', fmt(d.available));
    return out;
  });
  return true;
};

const poolName: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts, 'pool', { uuid: true, name: false });
  if (!pool) return false;
  ctx.print(`${pool.name}\n`);
  return true;
};

const poolUuid: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts, 'pool', { uuid: false, name: true });
  if (!pool) return false;
  ctx.print(`${pool.uuid}\n`);
  return true;
};

const poolDumpxml: Handler = async (ctx, opts) => {
  const flags = opts.bool('inactive') ? StorageXMLFlags.INACTIVE : 0;
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const xml = await (await ctx.conn()).storagePoolGetXMLDesc(pool, flags);
  return virshDumpXML(ctx, xml, 'pool', xpath, opts.bool('wrap'));
};

const poolCapabilities: Handler = async (ctx) => {
  const caps = await ctx.attempt('failed to get storage pool capabilities', async () =>
    (await ctx.conn()).connectGetStoragePoolCapabilities(0),
  );
  ctx.print(`${caps}\n`);
  return true;
};

export const poolInfoHandlers: HandlerTable = {
  'pool-info': poolInfo,
  'pool-name': poolName,
  'pool-uuid': poolUuid,
  'pool-dumpxml': poolDumpxml,
  'pool-capabilities': poolCapabilities,
};
