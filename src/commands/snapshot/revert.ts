import { SnapshotRevert } from '../../core/api/snapshot.js';
import { VirError } from '../../core/errors.js';
import { ErrorCodes } from '../../core/error-codes.js';
import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { lookupSnapshot } from './lookup.js';
import { flagsFrom } from './moment-util.js';

const R = SnapshotRevert;

export const snapshotRevert: Handler = async (ctx, opts) => {
  const flags = flagsFrom(opts, [['running', R.RUNNING], ['paused', R.PAUSED], ['reset-nvram', R.RESET_NVRAM]]);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const snap = await lookupSnapshot(ctx, opts, 'snapshotname', true, dom);
  if (!snap) return false;
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to revert snapshot ${snap.name}`, async () => {
    try {
      await conn.domainRevertToSnapshot(snap, flags);
    } catch (e) {
      // --force is only sent once the driver says the revert is risky, as virsh does.
      if (!opts.bool('force') || !(e instanceof VirError) || e.code !== ErrorCodes.SNAPSHOT_REVERT_RISKY[0]) throw e;
      await conn.domainRevertToSnapshot(snap, flags | R.FORCE);
    }
  });
  ctx.printExtra(`Domain snapshot ${snap.name} reverted\n`);
  return true;
};
