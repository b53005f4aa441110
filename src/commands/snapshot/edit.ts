import { SnapshotCreate, SnapshotDelete, SnapshotXML } from '../../core/api/snapshot.js';
import { VirError } from '../../core/errors.js';
import { editText } from '../editor.js';
import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { lookupSnapshot } from './lookup.js';
import { exclusiveVars } from './moment-util.js';

/**
 * snapshot-edit: the secure snapshot XML through $VISUAL/$EDITOR, redefined in place. A new
 * name is a clone (--clone), a rename (--rename: the old metadata goes) or refused (the new
 * one's metadata goes). Without a terminal virsh cannot offer to re-edit a failed redefine.
 */
export const snapshotEdit: Handler = async (ctx, opts) => {
  const rename = opts.bool('rename');
  const clone = opts.bool('clone');
  if (!exclusiveVars(ctx, ['rename', rename], ['clone', clone])) return false;
  let flags = SnapshotCreate.REDEFINE;
  if (opts.bool('current') && opts.has('snapshotname')) flags |= SnapshotCreate.CURRENT;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const snap = await lookupSnapshot(ctx, opts, 'snapshotname', false, dom);
  if (!snap) return false;
  const name = snap.name;
  const failed = `Failed to update ${name}`;
  const conn = await ctx.conn();
  const doc = await ctx.attempt(failed, () => conn.snapshotGetXMLDesc(snap, SnapshotXML.SECURE));
  const edited = await ctx.attempt(failed, () => editText(ctx, doc));
  if (edited === undefined) {
    ctx.error(failed);
    return false;
  }
  // With --current an unchanged document is still redefined (to make it current).
  if (edited === doc && !(flags & SnapshotCreate.CURRENT)) {
    ctx.printExtra(`Snapshot ${name} XML configuration not changed.\n`);
    return true;
  }
  const reread = await ctx.attempt(failed, () => conn.snapshotGetXMLDesc(snap, SnapshotXML.SECURE));
  if (reread !== doc) {
    ctx.error('The XML configuration was changed by another user.');
    return false;
  }
  // virsh looks at the original document, not the edited one, for the disk-only state.
  if (doc.includes('<state>disk-snapshot</state>')) flags |= SnapshotCreate.DISK_ONLY;
  let result;
  try {
    result = await conn.domainSnapshotCreateXML(dom, edited, flags);
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ctx.error('Failed.');
    return false;
  }
  if (result.name === name) {
    ctx.printExtra(`Snapshot ${name} edited.\n`);
    return true;
  }
  if (clone) {
    ctx.printExtra(`Snapshot ${name} cloned to ${result.name}.\n`);
    return true;
  }
  const dropped = rename ? snap : result;
  try {
    await conn.snapshotDelete(dropped, SnapshotDelete.METADATA_ONLY);
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ctx.error(e.message);
    ctx.error(`Failed to clean up ${dropped.name}`);
    ctx.error(failed);
    return false;
  }
  if (rename) return true;
  ctx.error(`Must use --rename or --clone to change ${name} to ${result.name}`);
  ctx.error(failed);
  return false;
};
