import { NetworkXMLFlags } from '../../core/api/network.js';
import { dumpXml } from '../storage/dumpxml.js';
import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';

export const netDumpxml: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const flags = opts.bool('inactive') ? NetworkXMLFlags.INACTIVE : 0;
  const conn = await ctx.conn();
  const xml = await conn.networkGetXMLDesc(net, flags);
  return dumpXml(ctx, xml, 'network', opts.string('xpath'), opts.bool('wrap'));
};
