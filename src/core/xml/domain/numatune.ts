import { parseCpuList, formatCpuList } from '../../cpumap.js';
import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { unsupportedConfig, xmlError } from './errors.js';
import { CPUMASK_LEN, propEnum, propUInt } from './numbers.js';

const MODES = ['strict', 'preferred', 'interleave', 'restrictive'] as const;
const PLACEMENTS = ['default', 'static', 'auto'] as const;

/** virBitmapParse of a nodeset, refusing an empty one, in virBitmapFormat form. */
function nodeset(text: string): string {
  const map = parseCpuList(text, CPUMASK_LEN);
  if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${text}'`);
  if (!map.includes(true)) throw unsupportedConfig(`Invalid value of 'nodeset': ${text}`);
  return formatCpuList(map);
}

export interface Numatune {
  /** <numatune> as libvirt writes it, undefined when it writes none. */
  el?: Elem;
  /** Memory placement is automatic (then vCPU placement may become automatic too). */
  auto: boolean;
}

/**
 * virDomainNumatuneParseXML + virDomainNumatuneSet: the <memory> mode, placement and nodeset
 * (automatic placement when the vCPUs are placed automatically and there is no <memory>),
 * then one <memnode> per guest NUMA cell.
 */
export function parseNumatune(root: XNode, placementStatic: boolean, cells: number): Numatune {
  const all = children(root, 'numatune');
  if (all.length > 1) throw xmlError('only one numatune is supported');
  const mem = child(all[0], 'memory');
  let mode: string | undefined;
  let placement: string | undefined = !placementStatic && !mem ? 'auto' : undefined;
  let set: string | undefined;
  if (mem) {
    mode = mem.attrs.mode;
    if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) throw unsupportedConfig(`Unsupported NUMA memory tuning mode '${mode}'`);
    const p = mem.attrs.placement;
    if (p !== undefined && !(PLACEMENTS as readonly string[]).includes(p)) throw unsupportedConfig(`Unsupported NUMA memory placement mode '${p}'`);
    placement = p ?? placement;
    if (mem.attrs.nodeset !== undefined) set = nodeset(mem.attrs.nodeset);
  }
  let memory: { mode: string; placement: string; nodeset?: string } | undefined;
  if (mode !== undefined || placement !== undefined || set !== undefined) {
    mode ??= 'strict';
    placement ??= set !== undefined ? 'static' : 'default';
    if (placement === 'default') placement = set !== undefined || placementStatic ? 'static' : 'auto';
    if (placement === 'static' && set === undefined) throw unsupportedConfig("nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
    if (placement === 'auto') set = undefined;
    memory = { mode, placement, nodeset: set };
  }
  const memnodes = memnodeElems(all[0], memory, cells);
  const kids: Elem[] = [];
  if (memory) kids.push(elem('memory', [['mode', memory.mode], memory.placement === 'static' ? ['nodeset', memory.nodeset] : ['placement', memory.placement]]));
  kids.push(...memnodes);
  return { el: kids.length ? elem('numatune', [], kids) : undefined, auto: memory?.placement === 'auto' };
}

/** virDomainNumatuneNodeParseXML: per-cell bindings, written in cell order. */
function memnodeElems(numatune: XNode | undefined, memory: { mode: string; placement: string } | undefined, cells: number): Elem[] {
  const nodes = children(numatune, 'memnode');
  if (!nodes.length) return [];
  if (memory?.placement === 'auto') throw unsupportedConfig('Per-node binding is not compatible with automatic NUMA placement.');
  if (!cells) throw xmlError("Element 'memnode' is invalid without any guest NUMA cells");
  const byCell = new Map<number, Elem>();
  for (const n of nodes) {
    const cellid = propUInt(n, 'cellid', 10, { required: true })!;
    if (cellid >= cells) throw xmlError("Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell");
    if (byCell.has(cellid)) throw xmlError(`Multiple memnode elements with cellid ${cellid}`);
    const mode = n.attrs.mode === undefined ? 'strict' : propEnum(n, 'mode', MODES)!;
    if (memory?.mode === 'restrictive' && mode !== 'restrictive')
      throw xmlError("'restrictive' mode is required in memnode element when mode is 'restrictive' in memory element");
    if (n.attrs.nodeset === undefined) throw xmlError('Missing required nodeset attribute in memnode element');
    byCell.set(cellid, elem('memnode', [['cellid', cellid], ['mode', mode], ['nodeset', nodeset(n.attrs.nodeset)]]));
  }
  return [...byCell.keys()].sort((a, b) => a - b).map((k) => byCell.get(k)!);
}
