import type { NetworkHandle } from '../../core/api/handles.js';
import type { CommandContext, CommandOptions } from '../types.js';

export interface By {
  uuid: boolean;
  name: boolean;
}
export const BY_ANY: By = { uuid: true, name: true };

/**
 * virshCommandOptNetworkBy: the value as a UUID when it has a UUID's length, then as a name.
 * On failure prints "failed to get network" and rethrows libvirt's last error for the shell;
 * undefined when no lookup was even tried.
 */
export async function optNetwork(
  ctx: CommandContext,
  opts: CommandOptions,
  by: By = BY_ANY,
  opt = 'network',
): Promise<NetworkHandle | undefined> {
  const conn = await ctx.conn();
  const n = opts.requiredString(opt);
  let last: unknown;
  if (by.uuid && n.length === 36) {
    try {
      return await conn.networkLookupByUUID(n);
    } catch (e) {
      last = e;
    }
  }
  if (by.name) {
    try {
      return await conn.networkLookupByName(n);
    } catch (e) {
      last = e;
    }
  }
  ctx.error(`failed to get network '${n}'`);
  if (last) throw last;
  return undefined;
}
