import type { XNode } from '../tree.js';
import { child, children } from '../tree.js';
import { virErr } from '../../errors.js';
import { formatCpuList, isAllClear, parseCpuList } from '../../cpumap.js';
import { attr, sub, subs, type Elem } from './elem.js';
import { CPUMASK_LEN, parseUInt, propEnum, propUInt, TRISTATE_BOOL } from './numbers.js';
import { parseMemoryKiB } from './units.js';
import { unsupportedConfig, xmlError } from './errors.js';


/** A cell's vCPU bitmap (virBitmapParse); undefined for none or an all-clear one. */
function cellCpus(text: string | undefined): boolean[] | undefined {
  if (text === undefined) return undefined;
  const map = parseCpuList(text, CPUMASK_LEN);
  if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${text}'`);
  return isAllClear(map) ? undefined : map;
}

/** The cell index a <cell> fills: its id, or its position when it has none. */
const cellIndex = (c: XNode, i: number): number => propUInt(c, 'id', 10) ?? i;

/**
 * virDomainNumaDefParseXML's cell rules, in its order: cells are required, each index
 * (id or position) below the cell count and used once, vCPU sets disjoint, memory valid.
 */
export function checkNumaCells(root: XNode): void {
  const numa = child(child(root, 'cpu'), 'numa');
  if (!numa) return;
  const cells = children(numa, 'cell');
  if (!cells.length) throw xmlError('NUMA topology defined without NUMA cells');
  const masks: Array<boolean[] | undefined> = [];
  const seen = new Set<number>();
  cells.forEach((c, i) => {
    const cur = cellIndex(c, i);
    if (cur >= cells.length)
      throw xmlError("Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed");
    if (seen.has(cur)) throw xmlError(`Duplicate NUMA cell info for cell id '${cur}'`);
    const mask = cellCpus(c.attrs.cpus);
    masks[cur] = mask;
    for (let j = 0; j < cells.length; j++) {
      const other = masks[j];
      if (j === cur || !other || !mask) continue;
      if (other.some((b, k) => b && mask[k])) throw unsupportedConfig(`NUMA cells ${cur} and ${j} have overlapping vCPU ids`);
    }
    parseMemoryKiB(c.attrs.memory, c.attrs.unit, './@memory', true);
    propEnum(c, 'memAccess', MEMORY_ACCESS, { nonzero: true });
    propEnum(c, 'discard', TRISTATE_BOOL, { nonzero: true });
    seen.add(cur);
  });
}

const CELL_TAIL = ['memAccess', 'discard'];
/** virDomainMemoryAccess. */
const MEMORY_ACCESS = ['default', 'shared', 'private'];

/**
 * virDomainNumaDefFormatXML: cells in index order, each with its index as id, the vCPU set
 * in canonical form, memory in KiB, then the optional attributes and children.
 */
export function canonicalNumaCells(cpu: Elem | undefined): void {
  const numa = sub(cpu, 'numa');
  if (!numa) return;
  const cells = subs(numa, 'cell');
  const ordered: Elem[] = [];
  cells.forEach((c, i) => {
    const id = attr(c, 'id');
    const cur = id === undefined ? i : parseUInt(id, 10)!;
    const mask = cellCpus(attr(c, 'cpus'));
    const kib = parseMemoryKiB(attr(c, 'memory'), attr(c, 'unit'), './@memory', true)!;
    const attrs: Array<[string, string]> = [['id', String(cur)]];
    if (mask) attrs.push(['cpus', formatCpuList(mask)]);
    attrs.push(['memory', String(kib)], ['unit', 'KiB']);
    for (const k of CELL_TAIL) {
      const v = attr(c, k);
      if (v !== undefined) attrs.push([k, v]);
    }
    ordered[cur] = { ...c, attrs };
  });
  numa.children = [...ordered, ...numa.children.filter((c) => c.name !== 'cell')];
}
