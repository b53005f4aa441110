import type { PoolHandle } from '../../core/api/handles.js';
import { StorageXMLFlags } from '../../core/api/storage.js';
import { VirError } from '../../core/errors.js';
import type { Handler } from '../types.js';
import { editText } from '../editor.js';
import { optPool } from './util.js';

/**
 * pool-edit (virsh-edit.c): the pool's XML through the editor, then define it. Drivers that
 * refuse the INACTIVE flag (the test driver) get asked without it. Without a terminal virsh
 * cannot offer to re-edit, so a failed define reports "Failed." and carries on, naming the
 * pool '(null)'.
 */
export const poolEdit: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const conn = await ctx.conn();
  let flags: number = StorageXMLFlags.INACTIVE;
  let doc: string;
  try {
    doc = await conn.storagePoolGetXMLDesc(pool, flags);
  } catch (e) {
    if (!(e instanceof VirError) || e.codeName !== 'INVALID_ARG') throw e;
    flags = 0;
    doc = await conn.storagePoolGetXMLDesc(pool, flags);
  }
  const edited = await editText(ctx, doc);
  if (edited === undefined) return false;
  if (edited === doc) {
    ctx.printExtra(`Pool ${pool.name} XML configuration not changed.\n`);
    return true;
  }
  const reread = await conn.storagePoolGetXMLDesc(pool, flags);
  let defined: PoolHandle | undefined;
  if (reread !== doc) ctx.error('The XML configuration was changed by another user.');
  else {
    try {
      defined = await conn.storagePoolDefineXML(edited, 0);
    } catch (e) {
      if (!(e instanceof VirError)) throw e;
      ctx.error('Failed.');
    }
  }
  ctx.printExtra(`Pool ${defined?.name ?? '(null)'} XML configuration edited.\n`);
  return true;
};
