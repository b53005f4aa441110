import { elem, sub, type Elem } from './elem.js';
import { parseMemoryKiB } from './units.js';

const MEMTUNE_LIMITS = ['hard_limit', 'soft_limit', 'min_guarantee', 'swap_hard_limit'];

/** virDomainParseMemoryLimit for each <memtune> limit: stored in KiB, written with unit='KiB'. */
export function normalizeMemtune(memtune: Elem | undefined): Elem | undefined {
  if (!memtune) return undefined;
  const children: Elem[] = [];
  for (const name of MEMTUNE_LIMITS) {
    const c = sub(memtune, name);
    if (!c) continue;
    const unit = c.attrs.find(([k]) => k === 'unit')?.[1];
    const kib = parseMemoryKiB(c.text ?? '', unit, `./memtune/${name}[1]`)!;
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
