import { DomainMetadata } from '../../core/api/domain.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import type { CommandContext, Handler } from '../types.js';
import { editText } from '../editor.js';
import { affectFlags, exclusive, optDomain } from './util.js';

/** virshGetDomainDescription: the title or description, '' when absent. */
async function getText(ctx: CommandContext, dom: DomainHandle, title: boolean, flags: number): Promise<string> {
  const conn = await ctx.conn();
  try {
    return await conn.domainGetMetadata(dom, title ? DomainMetadata.TITLE : DomainMetadata.DESCRIPTION, null, flags);
  } catch (e) {
    if (e instanceof VirError && e.codeName === 'NO_DOMAIN_METADATA') return '';
    throw e;
  }
}

export const desc: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const queryFlags = opts.bool('config') ? 2 : 0;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  await conn.domainGetState(dom, 0);
  const title = opts.bool('title');
  const edit = opts.bool('edit');
  const words = opts.argv('new-desc');
  let descArg = words.length ? words.join(' ') : undefined;
  const what = title ? 'title' : 'description';
  if (!edit && descArg === undefined) {
    const text = await getText(ctx, dom, title, queryFlags);
    if (text.length > 0) ctx.print(text);
    else ctx.printExtra(`No ${what} for domain: ${dom.name}`);
    return true;
  }
  const current = await getText(ctx, dom, title, queryFlags);
  descArg ??= current;
  let next = descArg;
  if (edit) {
    let edited = await editText(ctx, descArg);
    if (edited === undefined) return false;
    if (title && edited.endsWith('\n')) edited = edited.slice(0, -1);
    if (edited === current) {
      ctx.printExtra(`Domain ${what} not changed\n`);
      return true;
    }
    next = edited;
  }
  await ctx.attempt(`Failed to set new domain ${what}`, () =>
    conn.domainSetMetadata(dom, title ? DomainMetadata.TITLE : DomainMetadata.DESCRIPTION, next, null, null, flags),
  );
  ctx.printExtra(`Domain ${what} updated successfully`);
  return true;
};

export const metadata: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  for (const [a, b] of [['edit', 'set'], ['remove', 'set'], ['remove', 'edit']])
    if (!exclusive(ctx, opts, a, b)) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const uri = opts.requiredString('uri');
  const key = opts.string('key') ?? null;
  const set = opts.string('set');
  const edit = opts.bool('edit');
  const remove = opts.bool('remove');
  if ((set !== undefined || edit) && key === null) {
    ctx.error('namespace key is required when modifying metadata');
    return false;
  }
  const conn = await ctx.conn();
  const ELEMENT = DomainMetadata.ELEMENT;
  if (set !== undefined || remove) {
    await conn.domainSetMetadata(dom, ELEMENT, set ?? null, key, uri, flags);
    ctx.printExtra(remove ? 'Metadata removed\n' : 'Metadata modified\n');
    return true;
  }
  if (edit) {
    const current = async () => {
      try {
        return await conn.domainGetMetadata(dom, ELEMENT, uri, flags);
      } catch (e) {
        if (!(e instanceof VirError)) throw e;
        return '\n';
      }
    };
    const before = await current();
    const after = await editText(ctx, before);
    if (after === undefined) return false;
    if (after === before) {
      ctx.printExtra('Metadata not changed');
      return true;
    }
    // Without a terminal virsh cannot offer to edit again: it reports the failure and goes on.
    if ((await current()) !== before) ctx.error('The XML configuration was changed by another user.');
    else {
      try {
        await conn.domainSetMetadata(dom, ELEMENT, after, key, uri, flags);
      } catch (e) {
        if (!(e instanceof VirError)) throw e;
        ctx.error('Failed.');
      }
    }
    ctx.printExtra('Metadata modified\n');
    return true;
  }
  ctx.print(`${await conn.domainGetMetadata(dom, ELEMENT, uri, flags)}\n`);
  return true;
};
