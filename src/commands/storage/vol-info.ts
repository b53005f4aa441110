import type { Handler, HandlerTable } from '../types.js';
import { VolInfoFlags } from '../../core/api/storage.js';
import { VOL_TYPES } from '../../core/xml/storage/enums.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { caseCompare } from './pool-list.js';
import { optPool, optVol, prettyCapacity, printTable } from './util.js';

const line = (label: string, value: string) => `${label.padEnd(15)} ${value}\n`;
const typeName = (t: number) => VOL_TYPES[t] ?? 'unknown';
const BY_KEY = { uuid: true, name: false };

const volInfo: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const conn = await ctx.conn();
  const bytes = opts.bool('bytes');
  const physical = opts.bool('physical');
  ctx.print(line('Name:', vol.name));
  const info = physical ? await conn.storageVolGetInfoFlags(vol, VolInfoFlags.GET_PHYSICAL) : await conn.storageVolGetInfo(vol);
  ctx.print(line('Type:', typeName(info.type)));
  const fmt = (v: bigint) => (bytes ? `${v} bytes` : prettyCapacity(v));
  ctx.print(line('Capacity:', fmt(info.capacity)));
  ctx.print(line(physical ? 'Physical:' : 'Allocation:', fmt(info.allocation)));
  return true;
};

const volList: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const conn = await ctx.conn();
  const details = opts.bool('details');
  const vols = await ctx.attempt('Failed to list volumes', () => conn.storagePoolListAllVolumes(pool, 0));
  vols.sort((a, b) => caseCompare(a.name, b.name));
  const rows: string[][] = [];
  for (const v of vols) {
    const path = await conn.storageVolGetPath(v).catch(() => 'unknown');
    if (!details) {
      rows.push([v.name, path]);
      continue;
    }
    const info = await conn.storageVolGetInfo(v).catch(() => undefined);
    rows.push(
      info
        ? [v.name, path, typeName(info.type), prettyCapacity(info.capacity), prettyCapacity(info.allocation)]
        : [v.name, path, 'unknown', 'unknown', 'unknown'],
    );
  }
  if (details) printTable(ctx, ['Name', 'Path', 'Type', 'Capacity', 'Allocation'], rows);
  else printTable(ctx, ['Name', 'Path'], rows);
  return true;
};

const volDumpxml: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const xml = await (await ctx.conn()).storageVolGetXMLDesc(vol, 0);
  return virshDumpXML(ctx, xml, 'volume', xpath, opts.bool('wrap'));
};

const volName: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts, 'vol', null, BY_KEY);
  if (!vol) return false;
  ctx.print(`${vol.name}\n`);
  return true;
};

const volPool: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts, 'vol', null, BY_KEY);
  if (!vol) return false;
  const pool = await ctx.attempt('failed to get parent pool', async () => (await ctx.conn()).storagePoolLookupByVolume(vol));
  ctx.print(`${opts.bool('uuid') ? pool.uuid : pool.name}\n`);
  return true;
};

const volKey: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  ctx.print(`${vol.key}\n`);
  return true;
};

const volPath: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  ctx.print(`${await (await ctx.conn()).storageVolGetPath(vol)}\n`);
  return true;
};

export const volInfoHandlers: HandlerTable = {
  'vol-info': volInfo,
  'vol-list': volList,
  'vol-dumpxml': volDumpxml,
  'vol-name': volName,
  'vol-pool': volPool,
  'vol-key': volKey,
  'vol-path': volPath,
};
