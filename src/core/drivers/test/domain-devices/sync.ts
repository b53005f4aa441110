import { MEMORY_PARAM_UNLIMITED } from '../../../api/domain-devices.js';
import { attr, elem, type Elem } from '../../../xml/domain/elem.js';
import { diskView, interfaceView, type DomainDef } from '../../../xml/domain/index.js';
import { formatCpuList } from '../../../cpumap.js';
import type { BandwidthRate, Tunables } from './tunables.js';

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
  const guarantee = t.minGuarantee ? [elem('min_guarantee', [['unit', 'KiB']], [], String(t.minGuarantee))] : [];
  return orUndef(elem('memtune', [], [...kib('hard_limit', t.hardLimit), ...kib('soft_limit', t.softLimit), ...guarantee, ...kib('swap_hard_limit', t.swapHardLimit)]));
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
    // A device without limits stays (libvirt keeps it; its formatter leaves it out).
    children.push(elem('device', [], [elem('path', [], [], d.path), ...sub]));
  }
  return orUndef(elem('blkiotune', [], children));
}

function cputune(prev: Elem | undefined, t: Tunables): Elem | undefined {
  // An iothread's scheduler belongs to the thread: it goes when the thread is deleted.
  const gone = (c: Elem) => c.name === 'iothreadsched' && !t.iothreads.some((th) => String(th.id) === attr(c, 'iothreads'));
  const kept = (prev?.children ?? []).filter((c) => !PINS.includes(c.name) && !gone(c));
  const at = kept.filter((c) => CPUTUNE_BEFORE.includes(c.name)).length;
  const pins: Elem[] = [];
  for (const v of Object.keys(t.vcpupin).map(Number).sort((a, b) => a - b)) {
    pins.push(elem('vcpupin', [['vcpu', v], ['cpuset', formatCpuList(t.vcpupin[v])]]));
  }
  if (t.emulatorpin) pins.push(elem('emulatorpin', [['cpuset', formatCpuList(t.emulatorpin)]]));
  for (const th of t.iothreads) if (th.cpumask) pins.push(elem('iothreadpin', [['iothread', th.id], ['cpuset', formatCpuList(th.cpumask)]]));
  return orUndef(elem('cputune', prev?.attrs ?? [], [...kept.slice(0, at), ...pins, ...kept.slice(at)]));
}

/** The iothread elements for the tuned id list; thread pool sizes and <defaultiothread> carry over. */
function iothreads(prev: Elem[] | undefined, t: Tunables): Elem[] | undefined {
  const listed = prev?.find((e) => e.name === 'iothreadids')?.children ?? [];
  const pool = (id: number) => listed.find((c) => attr(c, 'id') === String(id))?.attrs.filter(([k]) => k !== 'id') ?? [];
  const out: Elem[] = [];
  if (t.iothreads.length) out.push(elem('iothreads', [], [], String(t.iothreads.length)));
  if (t.iothreads.some((th) => !th.autofill)) {
    out.push(elem('iothreadids', [], t.iothreads.map((th) => elem('iothread', [['id', th.id], ...pool(th.id)]))));
  }
  out.push(...(prev?.filter((e) => e.name === 'defaultiothread') ?? []));
  return out.length ? out : undefined;
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

/** libvirt's <iotune> field order. */
const IOTUNE_ORDER = [
  'total_bytes_sec', 'read_bytes_sec', 'write_bytes_sec', 'total_iops_sec', 'read_iops_sec', 'write_iops_sec',
  'total_bytes_sec_max', 'read_bytes_sec_max', 'write_bytes_sec_max', 'total_iops_sec_max', 'read_iops_sec_max',
  'write_iops_sec_max', 'size_iops_sec', 'group_name', 'total_bytes_sec_max_length', 'read_bytes_sec_max_length',
  'write_bytes_sec_max_length', 'total_iops_sec_max_length', 'read_iops_sec_max_length', 'write_iops_sec_max_length',
];
/** Disk children written before <iotune>, and interface children before <bandwidth>. */
const BEFORE_IOTUNE = ['driver', 'auth', 'source', 'backingStore', 'backenddomain', 'target', 'geometry', 'blockio'];
const BEFORE_BANDWIDTH = ['mac', 'source', 'vlan', 'virtualport'];

/** Replaces (or removes) child `name` of a device element, keeping libvirt's child order. */
function placeChild(el: Elem, name: string, child: Elem | undefined, before: string[]): void {
  el.children = el.children.filter((c) => c.name !== name);
  if (!child) return;
  let at = 0;
  el.children.forEach((c, i) => {
    if (before.includes(c.name)) at = i + 1;
  });
  el.children.splice(at, 0, child);
}

function iotune(values: Record<string, bigint | string> | undefined): Elem | undefined {
  if (!values) return undefined;
  const kids = IOTUNE_ORDER.filter((f) => values[f] !== undefined && values[f] !== 0n && values[f] !== '').map((f) =>
    elem(f, [], [], String(values[f])),
  );
  return orUndef(elem('iotune', [], kids));
}

function bandwidth(bw: Tunables['bandwidth'][string] | undefined): Elem | undefined {
  if (!bw) return undefined;
  const rate = (name: string, r: BandwidthRate | undefined, keys: Array<keyof BandwidthRate>) =>
    r ? [elem(name, keys.map((k) => [k, r[k] || undefined]))] : [];
  const kids = [...rate('inbound', bw.in, ['average', 'peak', 'burst', 'floor']), ...rate('outbound', bw.out, ['average', 'peak', 'burst'])];
  // A cleared bandwidth stays as an empty open/close pair, as libvirt writes it.
  return { ...elem('bandwidth', [], kids), open: true };
}

function devices(def: DomainDef, t: Tunables): void {
  for (const d of def.devices) {
    if (d.kind === 'disk') {
      const dst = diskView(d).target;
      if (dst !== undefined && dst in t.iotune) placeChild(d.el, 'iotune', iotune(t.iotune[dst]), BEFORE_IOTUNE);
    } else if (d.kind === 'interface') {
      const mac = interfaceView(d).mac;
      if (mac !== undefined && mac in t.bandwidth) placeChild(d.el, 'bandwidth', bandwidth(t.bandwidth[mac]), BEFORE_BANDWIDTH);
    }
  }
}

export function syncTunables(def: DomainDef, t: Tunables): void {
  // A vCPU beyond the maximum is gone, and its pinning with it (virDomainDefSetVcpusMax).
  for (const v of Object.keys(t.vcpupin)) if (Number(v) >= def.maxVcpus) delete t.vcpupin[Number(v)];
  devices(def, t);
  def.memtune = memtune(t);
  def.blkiotune = blkiotune(t);
  def.cputune = cputune(def.cputune, t);
  def.iothreads = iothreads(def.iothreads, t);
  def.numatune = numatune(def.numatune, t);
  def.perf = perf(t);
}
