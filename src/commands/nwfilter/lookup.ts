import type { NWFilterBindingHandle, NWFilterHandle } from '../../core/api/nwfilter.js';
import { VirError } from '../../core/errors.js';
import type { CommandContext, CommandOptions } from '../types.js';

/** virshCommandOptNWFilterBy: a 36-character value is tried as a UUID first, then as a name. */
export async function optNWFilter(ctx: CommandContext, opts: CommandOptions): Promise<NWFilterHandle> {
  const value = opts.requiredString('nwfilter');
  const conn = await ctx.conn();
  ctx.debug(1, `${ctx.command}: found option <nwfilter>: ${value}\n`);
  if (value.length === 36) {
    ctx.debug(0, `${ctx.command}: <nwfilter> trying as nwfilter UUID\n`);
    try {
      return await conn.nwfilterLookupByUUIDString(value);
    } catch (e) {
      if (!(e instanceof VirError)) throw e;
    }
  }
  ctx.debug(0, `${ctx.command}: <nwfilter> trying as nwfilter NAME\n`);
  return ctx.attempt(`failed to get nwfilter '${value}'`, () => conn.nwfilterLookupByName(value));
}

/** virshCommandOptNWFilterBindingBy: by port device. */
export async function optBinding(ctx: CommandContext, opts: CommandOptions): Promise<NWFilterBindingHandle> {
  const portdev = opts.requiredString('binding');
  const conn = await ctx.conn();
  ctx.debug(1, `${ctx.command}: found option <binding>: ${portdev}\n`);
  ctx.debug(0, `${ctx.command}: <binding> trying as nwfilter binding port dev\n`);
  return ctx.attempt(`failed to get nwfilter binding '${portdev}'`, () => conn.nwfilterBindingLookupByPortDev(portdev));
}
