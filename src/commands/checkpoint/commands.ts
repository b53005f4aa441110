import { CheckpointDelete, CheckpointList, CheckpointXML, type CheckpointHandle } from '../../core/api/checkpoint.js';
import { parseTree } from '../../core/xml/tree.js';
import { pathString } from '../../core/xml/snapshot/embed.js';
import { optDomain } from '../domain/util.js';
import { formatTable } from '../domain/table.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { exclusiveVars, flagsFrom, formatCreationTime, printMomentTreeOrNames } from '../snapshot/moment-util.js';
import { checkpointParentName, lookupCheckpoint } from './lookup.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';

const row = (label: string, value: string | number) => `${label.padEnd(15)} ${value}\n`;

export const checkpointInfo: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const chk = await lookupCheckpoint(ctx, opts, 'checkpointname', dom);
  if (!chk) return false;
  const conn = await ctx.conn();
  ctx.print(row('Name:', chk.name));
  ctx.print(row('Domain:', dom.name));
  ctx.print(row('Parent:', (await checkpointParentName(ctx, chk)) ?? '-'));
  ctx.print(row('Children:', (await conn.checkpointListAllChildren(chk, 0)).length));
  ctx.print(row('Descendants:', (await conn.checkpointListAllChildren(chk, CheckpointList.DESCENDANTS)).length));
  return true;
};

export const checkpointParent: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const chk = await lookupCheckpoint(ctx, opts, 'checkpointname', dom);
  if (!chk) return false;
  const parent = await checkpointParentName(ctx, chk);
  if (parent === undefined) {
    ctx.error(`checkpoint '${chk.name}' has no parent`);
    return false;
  }
  ctx.print(parent);
  return true;
};

export const checkpointDumpXML: Handler = async (ctx, opts) => {
  const flags = flagsFrom(opts, [
    ['security-info', CheckpointXML.SECURE],
    ['no-domain', CheckpointXML.NO_DOMAIN],
    ['size', CheckpointXML.SIZE],
  ]);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const chk = await lookupCheckpoint(ctx, opts, 'checkpointname', dom);
  if (!chk) return false;
  const xml = await (await ctx.conn()).checkpointGetXMLDesc(chk, flags);
  return virshDumpXML(ctx, xml, 'domain-checkpoint', xpath, opts.bool('wrap'));
};

export const checkpointDelete: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const chk = await lookupCheckpoint(ctx, opts, 'checkpointname', dom);
  if (!chk) return false;
  const D = CheckpointDelete;
  const flags = flagsFrom(opts, [['children', D.CHILDREN], ['children-only', D.CHILDREN_ONLY], ['metadata', D.METADATA_ONLY]]);
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to delete checkpoint ${chk.name}`, () => conn.checkpointDelete(chk, flags));
  ctx.printExtra(
    flags & D.CHILDREN_ONLY ? `Domain checkpoint ${chk.name} children deleted\n` : `Domain checkpoint ${chk.name} deleted\n`,
  );
  return true;
};

export const checkpointListCmd: Handler = async (ctx, opts) => {
  const L = CheckpointList;
  const tree = opts.bool('tree');
  const name = opts.bool('name');
  const from = opts.has('from');
  const parent = opts.bool('parent');
  const roots = opts.bool('roots');
  const pairs: Array<[[string, boolean], [string, boolean]]> = [
    [['tree', tree], ['name', name]],
    [['parent', parent], ['roots', roots]],
    [['parent', parent], ['tree', tree]],
    [['roots', roots], ['tree', tree]],
    [['roots', roots], ['from', from]],
  ];
  for (const [a, b] of pairs) if (!exclusiveVars(ctx, a, b)) return false;
  let flags = 0;
  for (const [opt, bit] of [['leaves', L.LEAVES], ['no-leaves', L.NO_LEAVES]] as const) {
    if (!opts.bool(opt)) continue;
    if (tree) {
      ctx.error(`--${opt} and --tree are mutually exclusive`);
      return false;
    }
    flags |= bit;
  }
  if (opts.bool('topological')) flags |= L.TOPOLOGICAL;
  if (roots) flags |= L.ROOTS;
  if (opts.bool('descendants')) {
    if (!from) {
      ctx.error('--descendants requires --from');
      return false;
    }
    flags |= L.DESCENDANTS;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  let start: CheckpointHandle | undefined;
  if (from) {
    start = await lookupCheckpoint(ctx, opts, 'from', dom);
    if (!start) return false;
  }
  const conn = await ctx.conn();
  let chks: CheckpointHandle[];
  try {
    chks = start ? await conn.checkpointListAllChildren(start, flags) : await conn.domainListAllCheckpoints(dom, flags);
  } catch (e) {
    ctx.error('unexpected problem querying checkpoints');
    throw e;
  }
  // the JSON document is the list itself: --tree and --name only shape the text
  const json = opts.bool('json');
  const layout = { tree: tree && !json, name: name && !json, topological: !!(flags & L.TOPOLOGICAL) };
  const ordered = await printMomentTreeOrNames(ctx, chks, start, layout, (chk) =>
    checkpointParentName(ctx, chk),
  );
  if (!ordered) return true;
  const entries: Array<{ name: string; creationTime: number; parent: string | null }> = [];
  for (const chk of ordered) {
    const root = parseTree(await conn.checkpointGetXMLDesc(chk, 0));
    const created = pathString(root, 'creationTime');
    if (created === undefined || !/^[-+]?\d+$/.test(created)) continue;
    entries.push({ name: chk.name, creationTime: Number(created), parent: pathString(root, 'parent', 'name') ?? null });
  }
  emit(ctx, opts, entries, (list) => {
    const rows = list.map((e) => [e.name, formatCreationTime(e.creationTime), ...(parent ? [e.parent ?? ''] : [])]);
    return formatTable(parent ? ['Name', 'Creation Time', 'Parent'] : ['Name', 'Creation Time'], rows, !ctx.shell.quiet);
  });
  return true;
};
