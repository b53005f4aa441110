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
  ctx.debug(1, `${ctx.command}: found option <${opt}>: ${n}\n`);
  let last: unknown;
  if (by.uuid && n.length === 36) {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as network UUID\n`);
    try {
      return await conn.networkLookupByUUID(n);
    } catch (e) {
      last = e;
    }
  }
  if (by.name) {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as network NAME\n`);
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
