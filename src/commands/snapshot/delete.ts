import { SnapshotDelete } from '../../core/api/snapshot.js';
import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { lookupSnapshot } from './lookup.js';
import { flagsFrom } from './moment-util.js';

const D = SnapshotDelete;

export const snapshotDelete: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const snap = await lookupSnapshot(ctx, opts, 'snapshotname', true, dom);
  if (!snap) return false;
  const flags = flagsFrom(opts, [['children', D.CHILDREN], ['children-only', D.CHILDREN_ONLY], ['metadata', D.METADATA_ONLY]]);
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to delete snapshot ${snap.name}`, () => conn.snapshotDelete(snap, flags));
  ctx.printExtra(
    flags & D.CHILDREN_ONLY ? `Domain snapshot ${snap.name} children deleted\n` : `Domain snapshot ${snap.name} deleted\n`,
  );
  return true;
};
