import { NetworkXMLFlags } from '../../core/api/network.js';
import type { Handler } from '../types.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { optNetwork } from './lookup.js';

export const netDumpxml: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const flags = opts.bool('inactive') ? NetworkXMLFlags.INACTIVE : 0;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const conn = await ctx.conn();
  const xml = await conn.networkGetXMLDesc(net, flags);
  return virshDumpXML(ctx, xml, 'network', xpath, opts.bool('wrap'));
};
