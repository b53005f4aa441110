import { DomainDefine, DomainXML } from '../../core/api/domain.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import type { Handler } from '../types.js';
import { editText } from '../editor.js';
import { optDomain } from './util.js';

/**
 * edit: the inactive secure XML through the editor, then define. Without a terminal virsh
 * cannot ask to re-edit, so a failed define reports "Failed." and carries on (as virsh 9.0
 * does, naming the domain '(null)').
 */
export const edit: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const flags = opts.bool('skip-validate') ? 0 : DomainDefine.VALIDATE;
  const query = DomainXML.SECURE | DomainXML.INACTIVE;
  const doc = await conn.domainGetXMLDesc(dom, query);
  const edited = await editText(ctx, doc);
  if (edited === undefined) return false;
  if (edited === doc) {
    ctx.printExtra(`Domain '${dom.name}' XML configuration not changed.\n`);
    return true;
  }
  const reread = await conn.domainGetXMLDesc(dom, query);
  let defined: DomainHandle | undefined;
  if (reread !== doc) ctx.error('The XML configuration was changed by another user.');
  else {
    try {
      defined = await conn.domainDefineXML(edited, flags);
    } catch (e) {
      if (!(e instanceof VirError)) throw e;
      ctx.error('Failed.');
    }
  }
  ctx.printExtra(`Domain '${defined?.name ?? '(null)'}' XML configuration edited.\n`);
  return true;
};
