import { elem, setAttr, sub, subs, type Elem } from './elem.js';
import { parseCpuList } from '../../cpumap.js';
import { parseMemoryKiB } from './units.js';
import { CPUMASK_LEN } from './numbers.js';

const MEMTUNE_LIMITS = ['hard_limit', 'soft_limit', 'min_guarantee', 'swap_hard_limit'];

/** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED, KiB: a limit at or past it is no limit. */
const UNLIMITED = 2 ** 53 - 1;

/**
 * virDomainParseMemoryLimit for each <memtune> limit (virDomainParseMemory for min_guarantee):
 * stored in KiB and written with unit='KiB', unless unlimited (or a zero guarantee).
 */
export function normalizeMemtune(memtune: Elem | undefined): Elem | undefined {
  if (!memtune) return undefined;
  const children: Elem[] = [];
  for (const name of MEMTUNE_LIMITS) {
    const c = sub(memtune, name);
    if (!c?.text) continue;
    const unit = c.attrs.find(([k]) => k === 'unit')?.[1];
    const guarantee = name === 'min_guarantee';
    const kib = parseMemoryKiB(c.text, unit, `./memtune/${name}[1]`, false, guarantee ? undefined : BigInt(UNLIMITED) << 10n)!;
    if (guarantee ? kib === 0 : kib >= UNLIMITED) continue;
    children.push(elem(name, [['unit', 'KiB']], [], String(kib)));
  }
  return children.length ? elem('memtune', [], children) : undefined;
}

/** virCPUDefParseXML defaults: a topology without dies has one die. */
export function normalizeCpu(cpu: Elem | undefined): void {
  const topology = sub(cpu, 'topology');
  if (!topology || topology.attrs.some(([k]) => k === 'dies')) return;
  const at = topology.attrs.findIndex(([k]) => k === 'sockets') + 1;
  topology.attrs.splice(at, 0, ['dies', '1']);
}

/**
 * memoryBacking/hugepages: page sizes are stored in KiB, and without guest NUMA a nodeset
 * that names no node past 0 is dropped (virDomainDefPostParseMemtune).
 */
export function normalizeMemoryBacking(mb: Elem | undefined, hasNuma: boolean): void {
  for (const page of subs(sub(mb, 'hugepages'), 'page')) {
    const get = (k: string) => page.attrs.find(([a]) => a === k)?.[1];
    const size = get('size');
    if (size !== undefined) {
      const kib = parseMemoryKiB(size, get('unit'), './@size', true)!;
      setAttr(page, 'size', String(kib));
      setAttr(page, 'unit', 'KiB');
    }
    const nodeset = get('nodeset');
    if (nodeset === undefined || hasNuma) continue;
    const map = parseCpuList(nodeset, CPUMASK_LEN);
    if (map && map.lastIndexOf(true) <= 0) setAttr(page, 'nodeset', undefined);
    page.attrs.sort(([a], [b]) => PAGE_ATTRS.indexOf(a) - PAGE_ATTRS.indexOf(b));
  }
}

const PAGE_ATTRS = ['size', 'unit', 'nodeset'];
