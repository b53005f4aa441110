import { MEMORY_PARAM_UNLIMITED } from '../../../api/domain-devices.js';
import { elem, type Elem } from '../../../xml/domain/elem.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { formatCpuList } from './cpumap.js';
import type { Tunables } from './tunables.js';

/*
 * Writes the tuning state back into the definition's elements, so dumpxml shows what the
 * tuning calls changed, in libvirt's layout (virDomainMemtuneFormat, virDomainCputuneDefFormat…).
 */

/** virPerfEventType, in libvirt's order. */
export const PERF_EVENTS = [
  'cmt', 'mbmt', 'mbml', 'cpu_cycles', 'instructions', 'cache_references', 'cache_misses',
  'branch_instructions', 'branch_misses', 'bus_cycles', 'stalled_cycles_frontend',
  'stalled_cycles_backend', 'ref_cpu_cycles', 'cpu_clock', 'task_clock', 'page_faults',
  'context_switches', 'cpu_migrations', 'page_faults_min', 'page_faults_maj',
  'alignment_faults', 'emulation_faults',
];

const NUMA_MODES = ['strict', 'preferred', 'interleave', 'restrictive'];
/** cputune children libvirt writes before the pinning entries. */
const CPUTUNE_BEFORE = [
  'shares', 'global_period', 'global_quota', 'period', 'quota', 'emulator_period', 'emulator_quota',
  'iothread_period', 'iothread_quota',
];
const PINS = ['vcpupin', 'emulatorpin', 'iothreadpin'];

const orUndef = (e: Elem): Elem | undefined => (e.children.length ? e : undefined);

function memtune(t: Tunables): Elem | undefined {
  const kib = (name: string, v: bigint) => (v < MEMORY_PARAM_UNLIMITED ? [elem(name, [['unit', 'KiB']], [], String(v))] : []);
  return orUndef(elem('memtune', [], [...kib('hard_limit', t.hardLimit), ...kib('soft_limit', t.softLimit), ...kib('swap_hard_limit', t.swapHardLimit)]));
}

function blkiotune(t: Tunables): Elem | undefined {
  const children: Elem[] = [];
  if (t.blkioWeight) children.push(elem('weight', [], [], String(t.blkioWeight)));
  for (const d of t.blkioDevices) {
    const f: Array<[string, number | bigint]> = [
      ['weight', d.weight],
      ['read_iops_sec', d.riops],
      ['write_iops_sec', d.wiops],
      ['read_bytes_sec', d.rbps],
      ['write_bytes_sec', d.wbps],
    ];
    const sub = f.filter(([, v]) => v !== 0 && v !== 0n).map(([n, v]) => elem(n, [], [], String(v)));
    if (sub.length) children.push(elem('device', [], [elem('path', [], [], d.path), ...sub]));
  }
  return orUndef(elem('blkiotune', [], children));
}

function cputune(prev: Elem | undefined, t: Tunables): Elem | undefined {
  const kept = (prev?.children ?? []).filter((c) => !PINS.includes(c.name));
  const at = kept.filter((c) => CPUTUNE_BEFORE.includes(c.name)).length;
  const pins: Elem[] = [];
  for (const v of Object.keys(t.vcpupin).map(Number).sort((a, b) => a - b)) {
    pins.push(elem('vcpupin', [['vcpu', v], ['cpuset', formatCpuList(t.vcpupin[v])]]));
  }
  if (t.emulatorpin) pins.push(elem('emulatorpin', [['cpuset', formatCpuList(t.emulatorpin)]]));
  for (const th of t.iothreads) if (th.cpumask) pins.push(elem('iothreadpin', [['iothread', th.id], ['cpuset', formatCpuList(th.cpumask)]]));
  return orUndef(elem('cputune', prev?.attrs ?? [], [...kept.slice(0, at), ...pins, ...kept.slice(at)]));
}

function iothreads(t: Tunables): Elem[] | undefined {
  if (t.iothreads.length === 0) return undefined;
  const out = [elem('iothreads', [], [], String(t.iothreads.length))];
  if (t.iothreads.some((th) => !th.autofill)) {
    out.push(elem('iothreadids', [], t.iothreads.map((th) => elem('iothread', [['id', th.id]]))));
  }
  return out;
}

function numatune(prev: Elem | undefined, t: Tunables): Elem | undefined {
  const others = (prev?.children ?? []).filter((c) => c.name !== 'memory');
  if (t.numaNodeset === undefined) return prev;
  const mem = elem('memory', [['mode', NUMA_MODES[t.numaMode ?? 0]], ['nodeset', t.numaNodeset]]);
  return elem('numatune', [], [mem, ...others]);
}

function perf(t: Tunables): Elem | undefined {
  const events = PERF_EVENTS.filter((e) => e in t.perf).map((e) => elem('event', [['name', e], ['enabled', t.perf[e] ? 'yes' : 'no']]));
  return orUndef(elem('perf', [], events));
}

export function syncTunables(def: DomainDef, t: Tunables): void {
  def.memtune = memtune(t);
  def.blkiotune = blkiotune(t);
  def.cputune = cputune(def.cputune, t);
  def.iothreads = iothreads(t);
  def.numatune = numatune(def.numatune, t);
  def.perf = perf(t);
}
