import { NetworkXMLFlags } from '../../core/api/network.js';
import type { NetworkHandle } from '../../core/api/handles.js';
import type { Connection } from '../../core/api/connection.js';
import { VirError } from '../../core/errors.js';
import { ErrorCodes } from '../../core/error-codes.js';
import type { Handler } from '../types.js';
import { editText } from '../editor.js';
import { optNetwork } from './lookup.js';

/** virshNetworkGetXMLDesc: the inactive XML, or the live one where the flag is refused. */
async function inactiveXml(conn: Connection, net: NetworkHandle): Promise<string> {
  try {
    return await conn.networkGetXMLDesc(net, NetworkXMLFlags.INACTIVE);
  } catch (e) {
    if (e instanceof VirError && e.code === ErrorCodes.INVALID_ARG[0]) return conn.networkGetXMLDesc(net, 0);
    throw e;
  }
}

export const netEdit: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const doc = await inactiveXml(conn, net);
  const edited = await editText(ctx, doc);
  if (edited === undefined) return false;
  if (edited === doc) {
    ctx.printExtra(`Network ${net.name} XML configuration not changed.\n`);
    return true;
  }
  // Without a terminal to ask "edit again?", virsh reports the problem, then still claims
  // success for a network it never got back: hence "(null)" and exit status 0.
  const reread = await inactiveXml(conn, net);
  let defined: NetworkHandle | undefined;
  if (reread !== doc) ctx.error('The XML configuration was changed by another user.');
  else defined = await conn.networkDefineXML(edited, 0).catch(() => undefined);
  if (reread === doc && !defined) ctx.error('Failed.');
  ctx.printExtra(`Network ${defined?.name ?? '(null)'} XML configuration edited.\n`);
  return true;
};
