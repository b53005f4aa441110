import { formatTable } from '../domain/table.js';
import { emit } from '../json/emit.js';
import type { Handler, HandlerTable } from '../types.js';
import { VolInfoFlags } from '../../core/api/storage.js';
import { VOL_TYPES } from '../../core/xml/storage/enums.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { caseCompare } from './pool-list.js';
import { optPool, optVol, prettyCapacity } from './util.js';

const line = (label: string, value: string) => `${label.padEnd(15)} ${value}\n`;
const typeName = (t: number) => VOL_TYPES[t] ?? 'unknown';
const BY_KEY = { uuid: true, name: false };

const volInfo: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const conn = await ctx.conn();
  const bytes = opts.bool('bytes');
  const physical = opts.bool('physical');
  const json = opts.bool('json');
  // virsh prints the name before asking for the sizes: a failure leaves that line out
  const info = await (physical ? conn.storageVolGetInfoFlags(vol, VolInfoFlags.GET_PHYSICAL) : conn.storageVolGetInfo(vol)).catch((e: unknown) => {
    if (!json) ctx.print(line('Name:', vol.name));
    throw e;
  });
  // --physical reports the physical size in place of the allocation, under its own key
  const data = { name: vol.name, type: typeName(info.type), capacity: info.capacity, [physical ? 'physical' : 'allocation']: info.allocation };
  emit(ctx, opts, data, () => {
    const fmt = (v: bigint) => (bytes ? `${v} bytes` : prettyCapacity(v));
    return line('Name:', vol.name) + line('Type:', data.type) + line('Capacity:', fmt(info.capacity)) + line(physical ? 'Physical:' : 'Allocation:', fmt(info.allocation));
  });
  return true;
};

const volList: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const conn = await ctx.conn();
  const details = opts.bool('details');
  const vols = await ctx.attempt('Failed to list volumes', () => conn.storagePoolListAllVolumes(pool, 0));
  vols.sort((a, b) => caseCompare(a.name, b.name));
  const json = opts.bool('json');
  const entries: VolListEntry[] = [];
  for (const v of vols) {
    const entry: VolListEntry = { name: v.name, path: await conn.storageVolGetPath(v).catch(() => null) };
    if (details || json) {
      const info = await conn.storageVolGetInfo(v).catch(() => undefined);
      entry.type = info ? typeName(info.type) : null;
      entry.capacity = info ? info.capacity : null;
      entry.allocation = info ? info.allocation : null;
    }
    entries.push(entry);
  }
  emit(ctx, opts, entries, (list) => {
    const table = (header: string[], rows: string[][]) => formatTable(header, rows, !ctx.shell.quiet);
    if (!details) return table(['Name', 'Path'], list.map((e) => [e.name, e.path ?? 'unknown']));
    const size = (v: bigint | null | undefined) => (v === null || v === undefined ? 'unknown' : prettyCapacity(v));
    return table(
      ['Name', 'Path', 'Type', 'Capacity', 'Allocation'],
      list.map((e) => [e.name, e.path ?? 'unknown', e.type ?? 'unknown', size(e.capacity), size(e.allocation)]),
    );
  });
  return true;
};

/** One volume of `vol-list --json` (schema/json/vol-list.schema.json); sizes in bytes. */
interface VolListEntry {
  name: string;
  path: string | null;
  type?: string | null;
  capacity?: bigint | null;
  allocation?: bigint | null;
}

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
