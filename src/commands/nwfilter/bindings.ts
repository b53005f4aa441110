import { formatTable } from '../domain/table.js';
import type { HandlerTable } from '../types.js';
import { caseOrder } from './filters.js';
import { optBinding } from './lookup.js';

export const bindingHandlers: HandlerTable = {
  'nwfilter-binding-create': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const xml = await ctx.readFile(file);
    const flags = opts.bool('validate') ? 1 : 0;
    const conn = await ctx.conn();
    const binding = await ctx.attempt(`Failed to create network filter from ${file}`, () =>
      conn.nwfilterBindingCreateXML(xml, flags),
    );
    ctx.print(`Network filter binding on ${binding.portdev} created from ${file}\n`);
    return true;
  },

  'nwfilter-binding-delete': async (ctx, opts) => {
    const binding = await optBinding(ctx, opts);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to delete network filter binding on ${binding.portdev}`, () =>
      conn.nwfilterBindingDelete(binding),
    );
    ctx.print(`Network filter binding on ${binding.portdev} deleted\n`);
    return true;
  },

  'nwfilter-binding-dumpxml': async (ctx, opts) => {
    const binding = await optBinding(ctx, opts);
    const conn = await ctx.conn();
    ctx.print(await conn.nwfilterBindingGetXMLDesc(binding, 0));
    return true;
  },

  'nwfilter-binding-list': async (ctx) => {
    const conn = await ctx.conn();
    const bindings = await ctx.attempt('Failed to list network filter bindings', () => conn.listAllNWFilterBindings(0));
    bindings.sort((a, b) => caseOrder(a.portdev, b.portdev));
    ctx.print(formatTable(['Port Dev', 'Filter'], bindings.map((b) => [b.portdev, b.filtername]), true) + '\n');
    return true;
  },
};
