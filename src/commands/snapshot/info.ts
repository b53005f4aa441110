import { SnapshotList } from '../../core/api/snapshot.js';
import { child, children, parseTree } from '../../core/xml/tree.js';
import { pathString } from '../../core/xml/snapshot/embed.js';
import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { lookupSnapshot } from './lookup.js';

const row = (label: string, value: string | number) => `${label.padEnd(15)} ${value}\n`;

export const snapshotInfo: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const snap = await lookupSnapshot(ctx, opts, 'snapshotname', true, dom);
  if (!snap) return false;
  const conn = await ctx.conn();
  ctx.print(row('Name:', snap.name));
  ctx.print(row('Domain:', dom.name));
  const current = await conn.snapshotIsCurrent(snap, 0).catch(() => false);
  ctx.print(row('Current:', current ? 'yes' : 'no'));
  const root = parseTree(await conn.snapshotGetXMLDesc(snap, 0));
  const state = pathString(root, 'state');
  if (state === undefined) {
    ctx.error('unexpected problem reading snapshot xml');
    return false;
  }
  ctx.print(row('State:', state));
  // With a <memory> element the snapshot='external' markers decide; older XML only had the state.
  const external = child(root, 'memory')
    ? child(root, 'memory')?.attrs.snapshot === 'external' ||
      children(child(root, 'disks'), 'disk').some((d) => d.attrs.snapshot === 'external')
    : state === 'disk-snapshot';
  ctx.print(row('Location:', external ? 'external' : 'internal'));
  ctx.print(row('Parent:', pathString(root, 'parent', 'name') ?? '-'));
  ctx.print(row('Children:', await conn.snapshotNumChildren(snap, 0)));
  ctx.print(row('Descendants:', await conn.snapshotNumChildren(snap, SnapshotList.DESCENDANTS)));
  ctx.print(row('Metadata:', (await conn.snapshotHasMetadata(snap, 0)) ? 'yes' : 'no'));
  return true;
};
