import type { HandlerTable } from '../types.js';
import { capabilitiesTree, numaCells, pageSizeNodes, wholeAttr } from './caps-query.js';
import { left, right } from './printf.js';

const UINT_MAX = 0xffffffffn;

/** VIR_NODE_ALLOC_PAGES_ADD / _SET */
const ALLOC_PAGES_SET = 1;
const ALLOC_PAGES_ADD = 0;

/** Commands about host memory: free memory per cell, huge pages, memory tuning. */
export const memoryHandlers: HandlerTable = {
  freecell: async (ctx, opts) => {
    const all = opts.bool('all');
    const hasCell = opts.has('cellno');
    if (all && hasCell) {
      ctx.error('Options --all and --cellno are mutually exclusive');
      return false;
    }
    const cell = hasCell ? opts.int('cellno') ?? -1 : -1;
    const conn = await ctx.conn();
    if (!all) {
      if (hasCell) {
        const [free] = await conn.nodeGetCellsFreeMemory(cell, 1);
        ctx.print(`${cell}: ${free / 1024n} KiB\n`);
        return true;
      }
      const free = await conn.nodeGetFreeMemory();
      if (free === 0n) return false;
      ctx.print(`Total: ${free / 1024n} KiB\n`);
      return true;
    }
    const caps = await ctx.attempt('unable to get node capabilities', () => capabilitiesTree(conn));
    const rows: [number, bigint][] = [];
    for (const node of numaCells(caps)) {
      const id = wholeAttr(node, 'id');
      if (id === undefined) {
        ctx.error('conversion from string failed');
        return false;
      }
      const free = await conn.nodeGetCellsFreeMemory(id, 1).catch(() => undefined);
      if (free?.length !== 1) {
        ctx.error(`failed to get free memory for NUMA node number: ${id}`);
        return false;
      }
      rows.push([id, free[0]]);
    }
    let total = 0n;
    for (const [id, free] of rows) {
      ctx.print(`${right(id, 5)}: ${right(free / 1024n, 10)} KiB\n`);
      total += free;
    }
    ctx.printExtra('--------------------\n');
    ctx.printExtra(`${right('Total', 5)}: ${right(total / 1024n, 10)} KiB\n`);
    return true;
  },

  freepages: async (ctx, opts) => {
    const all = opts.bool('all');
    const hasCell = opts.has('cellno');
    if (all && hasCell) {
      ctx.error('Options --all and --cellno are mutually exclusive');
      return false;
    }
    const bytes = opts.scaled('pagesize', 1024, UINT_MAX) ?? 0n;
    const kib = Number((bytes + 1023n) / 1024n);
    const conn = await ctx.conn();
    if (!all) {
      if (!hasCell) {
        ctx.error('missing cellno argument');
        return false;
      }
      const cell = opts.int('cellno') ?? 0;
      if (cell < -1) {
        ctx.error('cell number must be non-negative integer or -1');
        return false;
      }
      if (!opts.has('pagesize')) {
        ctx.error('missing pagesize argument');
        return false;
      }
      const [count] = await conn.nodeGetFreePages([kib], cell, 1, 0);
      ctx.print(`${kib}KiB: ${count}\n`);
      return true;
    }
    const caps = await ctx.attempt('unable to get node capabilities', () => capabilitiesTree(conn));
    let sizes: number[];
    if (opts.has('pagesize')) {
      sizes = [kib];
    } else {
      const nodes = pageSizeNodes(caps);
      if (nodes.length === 0) {
        ctx.error('could not get information about supported page sizes');
        return false;
      }
      sizes = [];
      for (const n of nodes) {
        const size = wholeAttr(n, 'size');
        if (size === undefined) {
          ctx.error(`unable to parse page size: ${n.attrs.size}`);
          return false;
        }
        sizes.push(size);
      }
      sizes = [...new Set(sizes)].sort((a, b) => a - b);
    }
    for (const node of numaCells(caps)) {
      const cell = wholeAttr(node, 'id');
      if (cell === undefined) {
        ctx.error(`unable to parse numa node id: ${node.attrs.id}`);
        return false;
      }
      const counts = await conn.nodeGetFreePages(sizes, cell, 1, 0);
      ctx.print(`Node ${cell}:\n`);
      sizes.forEach((size, j) => ctx.print(`${size}KiB: ${counts[j]}\n`));
      ctx.print('\n');
    }
    return true;
  },

  allocpages: async (ctx, opts) => {
    const all = opts.bool('all');
    const hasCell = opts.has('cellno');
    if (all && hasCell) {
      ctx.error('Options --all and --cellno are mutually exclusive');
      return false;
    }
    const startCell = hasCell ? opts.int('cellno') ?? -1 : -1;
    const bytes = opts.scaled('pagesize', 1024, UINT_MAX * 1024n) ?? 0n;
    const size = Number((bytes + 1023n) / 1024n);
    const count = opts.ulong('pagecount') ?? 0n;
    const flags = opts.bool('add') ? ALLOC_PAGES_ADD : ALLOC_PAGES_SET;
    const conn = await ctx.conn();
    if (!all) {
      await conn.nodeAllocPages([size], [count], startCell, 1, flags);
      return true;
    }
    const caps = await ctx.attempt('unable to get node capabilities', () => capabilitiesTree(conn));
    for (const node of numaCells(caps)) {
      const id = wholeAttr(node, 'id');
      if (id === undefined) {
        ctx.error('conversion from string failed');
        return false;
      }
      await conn.nodeAllocPages([size], [count], id, 1, flags);
    }
    return true;
  },

  nodememstats: async (ctx, opts) => {
    const cell = opts.int('cell') ?? -1;
    const conn = await ctx.conn();
    const stats = await ctx.attempt('Unable to get number of memory stats', () => conn.nodeGetMemoryStats(cell, 0));
    for (const s of stats) ctx.print(`${left(s.field, 7)}: ${right(s.value, 20)} KiB\n`);
    return true;
  },
};
