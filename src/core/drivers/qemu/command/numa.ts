import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, sub, subs } from './util.js';
import { qemuError } from './errors.js';

/** Numbers of a cpuset ('0-3,^2,6') in ascending order. */
function cpusetMembers(set: string): number[] {
  const on = new Set<number>();
  for (const part of set.split(',').map((p) => p.trim())) {
    const neg = part.startsWith('^');
    const [a, b] = (neg ? part.slice(1) : part).split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) {
      if (neg) on.delete(i);
      else on.add(i);
    }
  }
  return [...on].sort((x, y) => x - y);
}

/** qemuBuildNumaCPUs: one `cpus=` per contiguous run. */
function cpusOpt(set: string): string {
  const ids = cpusetMembers(set);
  let s = '';
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    s += i === j ? `,cpus=${ids[i]}` : `,cpus=${ids[i]}-${ids[j]}`;
    i = j + 1;
  }
  return s;
}

/** Guest NUMA cells: a RAM backend object and -numa node per cell (qemuBuildNumaCommandLine). */
export function buildNuma(cmd: QemuCommand, def: DomainDef): void {
  const cells = subs(sub(def.cpu, 'numa'), 'cell');
  if (!cells.length) return;
  if (!cells.some((c) => attr(c, 'cpus'))) throw qemuError('CONFIG_UNSUPPORTED', 'At least one NUMA node has to have CPUs');
  cells.forEach((c, i) => {
    cmd.addJson('-object', { 'qom-type': 'memory-backend-ram', id: `ram-node${i}`, size: Number(attr(c, 'memory')) * 1024 });
    cmd.add('-numa', `node,nodeid=${i}${attr(c, 'cpus') ? cpusOpt(attr(c, 'cpus')!) : ''},memdev=ram-node${i}`);
  });
}
