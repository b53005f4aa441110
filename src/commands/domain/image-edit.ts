import { DomainSave, DomainXML } from '../../core/api/domain.js';
import { VirError } from '../../core/errors.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { editText } from '../editor.js';
import { optDomain } from './util.js';

/** The edit cycle of virsh-edit.c for a saved image: get, edit, re-check, define. */
interface ImageEdit {
  get(): Promise<string>;
  define(xml: string, flags: number): Promise<void>;
  unchanged: string;
  edited: string;
}

/** --running / --paused, refused together up front as VSH_EXCLUSIVE_OPTIONS does. */
function defineFlags(ctx: CommandContext, opts: CommandOptions): number | undefined {
  if (opts.bool('running') && opts.bool('paused')) {
    ctx.error('Options --running and --paused are mutually exclusive');
    return undefined;
  }
  return (opts.bool('running') ? DomainSave.RUNNING : 0) | (opts.bool('paused') ? DomainSave.PAUSED : 0);
}

/** Without a terminal virsh cannot offer to re-edit: a failed define says "Failed." and goes on. */
async function editCycle(ctx: CommandContext, e: ImageEdit, flags: number): Promise<boolean> {
  const doc = await e.get();
  const edited = await editText(ctx, doc);
  if (edited === undefined) return false;
  if (edited === doc) {
    ctx.printExtra(e.unchanged);
    return true;
  }
  if ((await e.get()) !== doc) ctx.error('The XML configuration was changed by another user.');
  else {
    try {
      await e.define(edited, flags);
    } catch (err) {
      if (!(err instanceof VirError)) throw err;
      ctx.error('Failed.');
    }
  }
  ctx.printExtra(e.edited);
  return true;
}

export const saveImageEdit: Handler = async (ctx, opts) => {
  const flags = defineFlags(ctx, opts);
  if (flags === undefined) return false;
  const file = opts.requiredString('file');
  const conn = await ctx.conn();
  return editCycle(ctx, {
    get: () => conn.domainSaveImageGetXMLDesc(file, DomainXML.SECURE),
    define: (xml, f) => conn.domainSaveImageDefineXML(file, xml, f),
    unchanged: `Saved image ${file} XML configuration not changed.\n`,
    edited: `State file ${file} edited.\n`,
  }, flags);
};

export const managedsaveEdit: Handler = async (ctx, opts) => {
  const flags = defineFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  return editCycle(ctx, {
    get: () => conn.domainManagedSaveGetXMLDesc(dom, DomainXML.SECURE),
    define: (xml, f) => conn.domainManagedSaveDefineXML(dom, xml, f),
    unchanged: `Managed save image of domain '${dom.name}' XML configuration not changed.\n`,
    edited: `Managed save image of Domain '${dom.name}' XML configuration edited.\n`,
  }, flags);
};
