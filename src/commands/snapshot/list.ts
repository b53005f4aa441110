import type { SnapshotHandle } from '../../core/api/handles.js';
import { SnapshotList } from '../../core/api/snapshot.js';
import { parseTree } from '../../core/xml/tree.js';
import { pathString } from '../../core/xml/snapshot/embed.js';
import { optDomain } from '../domain/util.js';
import { formatTable } from '../domain/table.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { lookupSnapshot, snapshotParentName } from './lookup.js';
import { exclusiveVars, formatCreationTime, printMomentTreeOrNames } from './moment-util.js';

const L = SnapshotList;

/** Filters that cannot be combined with --tree (virsh's FILTER macro). */
const FILTERS: ReadonlyArray<[string, number]> = [
  ['leaves', L.LEAVES],
  ['no-leaves', L.NO_LEAVES],
  ['inactive', L.INACTIVE],
  ['active', L.ACTIVE],
  ['disk-only', L.DISK_ONLY],
  ['internal', L.INTERNAL],
  ['external', L.EXTERNAL],
];

export const snapshotListCmd: Handler = async (ctx, opts) => {
  const tree = opts.bool('tree');
  const name = opts.bool('name');
  const from = opts.has('from');
  const parent = opts.bool('parent');
  const roots = opts.bool('roots');
  const current = opts.bool('current');
  const pairs: Array<[[string, boolean], [string, boolean]]> = [
    [['tree', tree], ['name', name]],
    [['parent', parent], ['roots', roots]],
    [['parent', parent], ['tree', tree]],
    [['roots', roots], ['tree', tree]],
    [['roots', roots], ['from', from]],
    [['roots', roots], ['current', current]],
  ];
  for (const [a, b] of pairs) if (!exclusiveVars(ctx, a, b)) return false;
  let flags = 0;
  for (const [opt, bit] of FILTERS) {
    if (!opts.bool(opt)) continue;
    if (tree) {
      ctx.error(`--${opt} and --tree are mutually exclusive`);
      return false;
    }
    flags |= bit;
  }
  if (opts.bool('topological')) flags |= L.TOPOLOGICAL;
  if (roots) flags |= L.ROOTS;
  if (opts.bool('metadata')) flags |= L.METADATA;
  if (opts.bool('no-metadata')) flags |= L.NO_METADATA;
  if (opts.bool('descendants')) {
    if (!from && !current) {
      ctx.error('--descendants requires either --from or --current');
      return false;
    }
    flags |= L.DESCENDANTS;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  let start: SnapshotHandle | undefined;
  if (from || current) {
    start = await lookupSnapshot(ctx, opts, 'from', true, dom);
    if (!start) return false;
  }
  const conn = await ctx.conn();
  const snaps = start ? await conn.snapshotListAllChildren(start, flags) : await conn.domainListAllSnapshots(dom, flags);
  // the JSON document is the list itself: --tree and --name only shape the text
  const json = opts.bool('json');
  const layout = { tree: tree && !json, name: name && !json, topological: !!(flags & L.TOPOLOGICAL) };
  const ordered = await printMomentTreeOrNames(ctx, snaps, start, layout, (snap) =>
    snapshotParentName(ctx, snap),
  );
  if (!ordered) return true;
  const entries: Array<{ name: string; creationTime: number; state: string; parent: string | null }> = [];
  for (const snap of ordered) {
    const root = parseTree(await conn.snapshotGetXMLDesc(snap, 0));
    const state = pathString(root, 'state');
    const created = pathString(root, 'creationTime');
    if (state === undefined || created === undefined || !/^[-+]?\d+$/.test(created)) continue;
    entries.push({ name: snap.name, creationTime: Number(created), state, parent: pathString(root, 'parent', 'name') ?? null });
  }
  emit(ctx, opts, entries, (list) => {
    const header = parent ? ['Name', 'Creation Time', 'State', 'Parent'] : ['Name', 'Creation Time', 'State'];
    const rows = list.map((e) => [e.name, formatCreationTime(e.creationTime), e.state, ...(parent ? [e.parent ?? ''] : [])]);
    return formatTable(header, rows, !ctx.shell.quiet);
  });
  return true;
};
