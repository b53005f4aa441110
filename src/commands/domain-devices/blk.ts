import type { BlockInfo } from '../../core/api/domain-devices.js';
import { VirError } from '../../core/errors.js';
import { child, children, parseTree } from '../../core/xml/tree.js';
import { ErrorCodes, ErrorDomains } from '../../core/error-codes.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { domainXml, firstAttr } from './xml.js';
import { exclusive, formatTable, optDomain, pad } from './util.js';

const SOURCE_ATTRS = ['file', 'dev', 'dir', 'name', 'volume', 'path'];

export const domblklist: Handler = async (ctx, opts) => {
  const details = opts.bool('details');
  const got = await domainXml(ctx, opts, opts.bool('inactive') ? 2 : 0);
  if (!got) return false;
  const disks: Array<{ type: string; device: string; target: string; source: string | null }> = [];
  for (const disk of children(child(got.root, 'devices'), 'disk')) {
    const type = disk.attrs.type ?? '';
    const target = child(disk, 'target')?.attrs.dev ?? '';
    let source: string | undefined;
    if (type === 'nvme') {
      const src = child(disk, 'source');
      const a = child(src, 'address')?.attrs ?? {};
      const hex = (v: string | undefined, w: number) => parseInt(v ?? '0', 16).toString(16).padStart(w, '0');
      source = `nvme://${hex(a.domain, 4)}:${hex(a.bus, 2)}:${hex(a.slot, 2)}.${parseInt(a.function ?? '0', 16)}/${src?.attrs.namespace ?? ''}`;
    } else {
      source = firstAttr(child(disk, 'source'), SOURCE_ATTRS);
    }
    disks.push({ type, device: disk.attrs.device ?? '', target, source: source ?? null });
  }
  // the JSON document always has every column; --details only widens the table
  emit(ctx, opts, disks, (list) => {
    const header = details ? ['Type', 'Device', 'Target', 'Source'] : ['Target', 'Source'];
    const rows = list.map((d) => (details ? [d.type, d.device, d.target, d.source ?? '-'] : [d.target, d.source ?? '-']));
    return formatTable(header, rows, !ctx.shell.quiet);
  });
  return true;
};

/** vshPrettyCapacity */
function pretty(bytes: bigint): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let i = 0;
  while (i < units.length - 1 && bytes >= 1024n ** BigInt(i + 1)) i++;
  return `${(Number(bytes) / 1024 ** i).toFixed(3)} ${units[i]}`;
}

function sizes(info: BlockInfo, human: boolean): [string, string, string] {
  const { capacity: c, allocation: a, physical: p } = info;
  if (c === 0n && a === 0n && p === 0n) return ['-', '-', '-'];
  if (!human) return [String(c), String(a), String(p)];
  return [pretty(c), pretty(a), pretty(p)];
}

export const domblkinfo: Handler = async (ctx, opts) => {
  if (!exclusive(ctx, opts, 'all', 'device')) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const all = opts.bool('all');
  const device = opts.stringQuiet('device');
  if (!all && device === undefined) {
    ctx.error("command 'domblkinfo' requires <device> option");
    return false;
  }
  const human = opts.bool('human');
  const conn = await ctx.conn();
  if (!all) {
    const [c, a, p] = sizes(await conn.domainGetBlockInfo(dom, device!, 0), human);
    ctx.print(`${pad('Capacity:', 15)} ${c}\n${pad('Allocation:', 15)} ${a}\n${pad('Physical:', 15)} ${p}\n`);
    return true;
  }
  const active = await conn.domainIsActive(dom);
  const root = parseTree(await conn.domainGetXMLDesc(dom, 0));
  const rows: string[][] = [];
  for (const disk of children(child(root, 'devices'), 'disk')) {
    const target = child(disk, 'target')?.attrs.dev ?? '';
    const protocol = child(disk, 'source')?.attrs.protocol;
    let info: BlockInfo = { capacity: 0n, allocation: 0n, physical: 0n };
    if (child(disk, 'source')) {
      try {
        info = await conn.domainGetBlockInfo(dom, target, 0);
      } catch (e) {
        // Network disks of an inactive domain cannot report sizes: shown as zeros.
        const storageInternal = e instanceof VirError && e.code === ErrorCodes.INTERNAL_ERROR[0] && e.domain === ErrorDomains.STORAGE;
        if (!(protocol && !active && storageInternal)) throw e;
      }
    }
    rows.push([target, ...sizes(info, human)]);
  }
  ctx.print(formatTable(['Target', 'Capacity', 'Allocation', 'Physical'], rows, !ctx.shell.quiet));
  return true;
};

const BLKSTAT_LEGACY: Array<[keyof import('../../core/api/domain-devices.js').BlockStats, string, string]> = [
  ['rdReq', 'rd_req', 'number of read operations:'],
  ['rdBytes', 'rd_bytes', 'number of bytes read:'],
  ['wrReq', 'wr_req', 'number of write operations:'],
  ['wrBytes', 'wr_bytes', 'number of bytes written:'],
  ['errs', 'errs', 'error count:'],
];

/** Typed-parameter fields in virsh's preferred order, with legacy and human names. */
const BLKSTAT_FIELDS: Array<[string, string | undefined, string]> = [
  ['rd_operations', 'rd_req', 'number of read operations:'],
  ['rd_bytes', 'rd_bytes', 'number of bytes read:'],
  ['wr_operations', 'wr_req', 'number of write operations:'],
  ['wr_bytes', 'wr_bytes', 'number of bytes written:'],
  ['errs', 'errs', 'error count:'],
  ['flush_operations', undefined, 'number of flush operations:'],
  ['rd_total_times', undefined, 'total duration of reads (ns):'],
  ['wr_total_times', undefined, 'total duration of writes (ns):'],
  ['flush_total_times', undefined, 'total duration of flushes (ns):'],
];

export const domblkstat: Handler = async (ctx, opts) => {
  const human = opts.bool('human');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const device = opts.string('device') ?? '';
  const conn = await ctx.conn();
  const line = (dev: string, label: string, value: string) =>
    ctx.print(`${dev} ${human ? label.padEnd(31) : label} ${value}\n`);
  let params;
  try {
    params = await conn.domainBlockStatsFlags(dom, device, 0);
  } catch (e) {
    if (!(e instanceof VirError) || e.code !== ErrorCodes.NO_SUPPORT[0]) throw e;
    const stats = await ctx.attempt(`Failed to get block stats ${name} ${device}`, () => conn.domainBlockStats(dom, device));
    let dev = device;
    if (human) {
      ctx.print(`Device: ${device}\n`);
      dev = '';
    }
    for (const [key, legacy, label] of BLKSTAT_LEGACY) if (stats[key] >= 0n) line(dev, human ? label : legacy, String(stats[key]));
    return true;
  }
  let dev = device;
  if (human) {
    ctx.print(`Device: ${device}\n`);
    dev = '';
  }
  const printed = new Set<string>();
  for (const [field, legacy, label] of BLKSTAT_FIELDS) {
    const p = params.find((x) => x.field === field);
    if (!p) continue;
    printed.add(field);
    line(dev, human ? label : (legacy ?? field), String(p.value));
  }
  for (const p of params) if (!printed.has(p.field)) ctx.print(`${dev} ${p.field} ${String(p.value)}\n`);
  return true;
};

const DISK_ERRORS = ['no error', 'unspecified error', 'no space'];

export const domblkerror: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const errors = await (await ctx.conn()).domainGetDiskErrors(dom, 0);
  if (errors.length === 0) ctx.print('No errors found\n');
  for (const e of errors) ctx.print(`${e.disk}: ${DISK_ERRORS[e.error] ?? 'no error'}\n`);
  return true;
};
