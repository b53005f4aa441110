import { NetworkXMLFlags } from '../../core/api/network.js';
import type { CommandContext, Handler } from '../types.js';
import { optNetwork } from './lookup.js';

/** virshDumpXML without an XPath filter: the document as the driver returned it. */
export function printXml(ctx: CommandContext, xml: string, xpath: string | undefined): boolean {
  if (xpath !== undefined) {
    ctx.error(`XPath filtering is not supported yet: ${xpath}`);
    return false;
  }
  ctx.print(xml);
  return true;
}

export const netDumpxml: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const flags = opts.bool('inactive') ? NetworkXMLFlags.INACTIVE : 0;
  const conn = await ctx.conn();
  const xml = await conn.networkGetXMLDesc(net, flags);
  return printXml(ctx, xml, opts.string('xpath'));
};
