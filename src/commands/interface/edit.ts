import type { InterfaceHandle } from '../../core/api/handles.js';
import { InterfaceXMLFlags } from '../../core/api/interface.js';
import { editText } from '../editor.js';
import type { Handler } from '../types.js';
import { optInterface } from './lookup.js';

/** iface-edit: the editor round trip, then a redefinition (virsh-edit.c's flow). */
export const ifaceEdit: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts);
  if (!iface) return false;
  const conn = await ctx.conn();
  const doc = await conn.interfaceGetXMLDesc(iface, InterfaceXMLFlags.INACTIVE);
  const edited = await editText(ctx, doc);
  if (edited === undefined) return false;
  if (edited === doc) {
    ctx.printExtra(`Interface ${iface.name} XML configuration not changed.\n`);
    return true;
  }
  // Without a terminal to ask "edit again?", virsh reports the problem and still claims
  // success for an interface it never got back.
  const reread = await conn.interfaceGetXMLDesc(iface, InterfaceXMLFlags.INACTIVE);
  let defined: InterfaceHandle | undefined;
  if (reread !== doc) ctx.error('The XML configuration was changed by another user.');
  else defined = await conn.interfaceDefineXML(edited, 0).catch(() => undefined);
  if (reread === doc && !defined) ctx.error('Failed.');
  ctx.printExtra(`Interface ${defined?.name ?? '(null)'} XML configuration edited.\n`);
  return true;
};
