import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { lookupSnapshot, snapshotParentName } from './lookup.js';

export const snapshotParent: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const snap = await lookupSnapshot(ctx, opts, 'snapshotname', true, dom);
  if (!snap) return false;
  const parent = await snapshotParentName(ctx, snap);
  if (parent === undefined) {
    ctx.error(`snapshot '${snap.name}' has no parent`);
    return false;
  }
  ctx.print(parent);
  return true;
};
