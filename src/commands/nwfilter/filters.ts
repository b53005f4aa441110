import type { NWFilterHandle } from '../../core/api/nwfilter.js';
import { ErrorCodes } from '../../core/error-codes.js';
import { VirError } from '../../core/errors.js';
import { formatTable } from '../domain/table.js';
import { editText } from '../editor.js';
import type { CommandContext, HandlerTable } from '../types.js';
import { optNWFilter } from './lookup.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';

/** vshStrcasecmp order on a key. */
export const caseOrder = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/** virshNWFilterListCollect: the new listing call, or the old name listing when unsupported. */
async function collect(ctx: CommandContext): Promise<NWFilterHandle[]> {
  const conn = await ctx.conn();
  try {
    return await conn.listAllNWFilters(0);
  } catch (e) {
    if (!(e instanceof VirError) || e.code !== ErrorCodes.NO_SUPPORT[0]) {
      ctx.error('Failed to list network filters');
      throw e;
    }
  }
  await ctx.attempt('Failed to count network filters', () => conn.numOfNWFilters());
  const names = await ctx.attempt('Failed to list network filters', () => conn.listNWFilters());
  const filters: NWFilterHandle[] = [];
  for (const name of names) {
    const f = await conn.nwfilterLookupByName(name).catch(() => undefined);
    if (f) filters.push(f);
  }
  return filters;
}

export const nwfilterHandlers: HandlerTable = {
  'nwfilter-define': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const xml = await ctx.readFile(file);
    const validate = opts.bool('validate');
    const conn = await ctx.conn();
    const filter = await ctx.attempt(`Failed to define network filter from ${file}`, () =>
      // Only the newer call takes flags; virsh uses it only when it needs one.
      validate ? conn.nwfilterDefineXMLFlags(xml, 1) : conn.nwfilterDefineXML(xml),
    );
    ctx.print(`Network filter ${filter.name} defined from ${file}\n`);
    return true;
  },

  'nwfilter-undefine': async (ctx, opts) => {
    const filter = await optNWFilter(ctx, opts);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to undefine network filter ${filter.name}`, () => conn.nwfilterUndefine(filter));
    ctx.print(`Network filter ${filter.name} undefined\n`);
    return true;
  },

  'nwfilter-dumpxml': async (ctx, opts) => {
    const filter = await optNWFilter(ctx, opts);
    const xpath = xpathOption(opts);
    if (xpath === null) return false;
    const conn = await ctx.conn();
    return virshDumpXML(ctx, await conn.nwfilterGetXMLDesc(filter, 0), 'nwfilter', xpath, opts.bool('wrap'));
  },

  'nwfilter-edit': async (ctx, opts) => {
    const filter = await optNWFilter(ctx, opts);
    const conn = await ctx.conn();
    const doc = await conn.nwfilterGetXMLDesc(filter, 0);
    const edited = await editText(ctx, doc);
    if (edited === undefined) return false;
    if (edited === doc) {
      ctx.printExtra(`Network filter ${filter.name} XML configuration not changed.\n`);
      return true;
    }
    const defined = await conn.nwfilterDefineXML(edited);
    ctx.printExtra(`Network filter ${defined.name} XML configuration edited.\n`);
    return true;
  },

  'nwfilter-list': async (ctx) => {
    const filters = (await collect(ctx)).sort((a, b) => caseOrder(a.name, b.name));
    ctx.print(formatTable(['UUID', 'Name'], filters.map((f) => [f.uuid, f.name]), true) + '\n');
    return true;
  },
};
