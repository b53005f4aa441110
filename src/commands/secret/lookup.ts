import type { SecretHandle } from '../../core/api/handles.js';
import type { CommandContext, CommandOptions } from '../types.js';

/** virshCommandOptSecret: the `secret` option as a UUID. */
export async function optSecret(ctx: CommandContext, opts: CommandOptions): Promise<SecretHandle> {
  const uuid = opts.requiredString('secret');
  const conn = await ctx.conn();
  ctx.debug(0, `${ctx.command}: found option <secret>: ${uuid}\n`);
  return ctx.attempt(`failed to get secret '${uuid}'`, () => conn.secretLookupByUUIDString(uuid));
}
