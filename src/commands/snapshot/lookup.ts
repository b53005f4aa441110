import type { DomainHandle, SnapshotHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import { ErrorCodes } from '../../core/error-codes.js';
import type { CommandContext, CommandOptions } from '../types.js';

/**
 * virshLookupSnapshot: `--ARG name` or `--current` (both at once refused when exclusive).
 * Returns undefined after printing virsh's own error; lookup failures propagate.
 */
export async function lookupSnapshot(
  ctx: CommandContext,
  opts: CommandOptions,
  arg: string,
  exclusive: boolean,
  dom: DomainHandle,
): Promise<SnapshotHandle | undefined> {
  const current = opts.bool('current');
  const name = opts.string(arg);
  if (exclusive && current && name !== undefined) {
    ctx.error(`--${arg} and --current are mutually exclusive`);
    return undefined;
  }
  const conn = await ctx.conn();
  if (name !== undefined) return conn.domainSnapshotLookupByName(dom, name, 0);
  if (current) return conn.domainSnapshotCurrent(dom, 0);
  ctx.error(`--${arg} or --current is required`);
  return undefined;
}

/** virshGetSnapshotParent: the parent's name, or undefined for a root. */
export async function snapshotParentName(ctx: CommandContext, snap: SnapshotHandle): Promise<string | undefined> {
  const conn = await ctx.conn();
  try {
    return (await conn.snapshotGetParent(snap, 0)).name;
  } catch (e) {
    if (e instanceof VirError && e.code === ErrorCodes.NO_DOMAIN_SNAPSHOT[0]) return undefined;
    throw e;
  }
}
