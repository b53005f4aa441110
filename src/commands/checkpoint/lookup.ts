import type { CheckpointHandle } from '../../core/api/checkpoint.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import { ErrorCodes } from '../../core/error-codes.js';
import type { CommandContext, CommandOptions } from '../types.js';

/** virshLookupCheckpoint: `--ARG name` is required. */
export async function lookupCheckpoint(
  ctx: CommandContext,
  opts: CommandOptions,
  arg: string,
  dom: DomainHandle,
): Promise<CheckpointHandle | undefined> {
  const name = opts.string(arg);
  if (name === undefined) {
    ctx.error(`--${arg} is required`);
    return undefined;
  }
  return (await ctx.conn()).domainCheckpointLookupByName(dom, name, 0);
}

/** virshGetCheckpointParent: the parent's name, or undefined for a root. */
export async function checkpointParentName(ctx: CommandContext, chk: CheckpointHandle): Promise<string | undefined> {
  try {
    return (await (await ctx.conn()).checkpointGetParent(chk, 0)).name;
  } catch (e) {
    if (e instanceof VirError && e.code === ErrorCodes.NO_DOMAIN_CHECKPOINT[0]) return undefined;
    throw e;
  }
}
