import { CheckpointCreate, CheckpointDelete, CheckpointXML } from '../../core/api/checkpoint.js';
import { VirError } from '../../core/errors.js';
import { editText } from '../editor.js';
import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { lookupCheckpoint } from './lookup.js';

/**
 * checkpoint-edit: the secure checkpoint XML through $VISUAL/$EDITOR, redefined in place;
 * checkpoints cannot be renamed, so a new name is undone and refused.
 */
export const checkpointEdit: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const chk = await lookupCheckpoint(ctx, opts, 'checkpointname', dom);
  if (!chk) return false;
  const name = chk.name;
  const failed = `Failed to update ${name}`;
  const conn = await ctx.conn();
  const doc = await ctx.attempt(failed, () => conn.checkpointGetXMLDesc(chk, CheckpointXML.SECURE));
  const edited = await ctx.attempt(failed, () => editText(ctx, doc));
  if (edited === undefined) {
    ctx.error(failed);
    return false;
  }
  if (edited === doc) {
    ctx.printExtra(`Checkpoint ${name} XML configuration not changed.\n`);
    return true;
  }
  const reread = await ctx.attempt(failed, () => conn.checkpointGetXMLDesc(chk, CheckpointXML.SECURE));
  if (reread !== doc) {
    ctx.error('The XML configuration was changed by another user.');
    return false;
  }
  let result;
  try {
    result = await conn.domainCheckpointCreateXML(dom, edited, CheckpointCreate.REDEFINE);
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ctx.error('Failed.');
    return false;
  }
  if (result.name === name) {
    ctx.printExtra(`Checkpoint ${name} edited.\n`);
    return true;
  }
  try {
    await conn.checkpointDelete(result, CheckpointDelete.METADATA_ONLY);
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ctx.error(e.message);
    ctx.error(`Failed to clean up ${result.name}`);
    ctx.error(failed);
    return false;
  }
  ctx.error(`Cannot rename checkpoint ${name} to ${result.name}`);
  ctx.error(failed);
  return false;
};
