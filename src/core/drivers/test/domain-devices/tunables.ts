import type { DomainDef } from '../../../xml/domain/index.js';
import { MEMORY_PARAM_UNLIMITED } from '../../../api/domain-devices.js';
import { child, children, type XNode } from '../../../xml/tree.js';
import { parseCpuList } from '../../../cpumap.js';

export interface BandwidthRate {
  average: number;
  peak: number;
  burst: number;
  floor: number;
}

export interface BlkioDevice {
  path: string;
  weight: number;
  riops: number;
  wiops: number;
  rbps: bigint;
  wbps: bigint;
}

export interface IOThreadID {
  id: number;
  /** Host CPUs this thread may run on; undefined = follows the domain. */
  cpumask?: boolean[];
  /** Made up from the <iothreads> count rather than listed or added (not written as an id). */
  autofill: boolean;
}

/**
 * Tuning state of one definition that the definition model does not carry yet, kept on the
 * definition itself so a started domain's live copy (a structured clone) inherits it.
 * Seeded from the definition's XML on first use.
 */
export interface Tunables {
  /** KiB */
  hardLimit: bigint;
  softLimit: bigint;
  swapHardLimit: bigint;
  /** KiB, 0 when unset; the test driver's memtune cannot change it, but dumpxml keeps it */
  minGuarantee: bigint;
  blkioWeight: number;
  blkioDevices: BlkioDevice[];
  /** virDomainNumatuneMemMode, undefined when no <numatune> */
  numaMode?: number;
  numaNodeset?: string;
  vcpupin: Record<number, boolean[]>;
  emulatorpin?: boolean[];
  iothreads: IOThreadID[];
  perf: Record<string, boolean>;
  iotune: Record<string, Record<string, bigint | string>>;
  bandwidth: Record<string, { in?: BandwidthRate; out?: BandwidthRate }>;
}

type WithTunables = DomainDef & { tunables?: Tunables };

const NUMA_MODES = ['strict', 'preferred', 'interleave', 'restrictive'];

function memtuneValue(node: XNode | undefined, name: string): bigint {
  const v = child(node, name);
  return v ? BigInt(v.text.trim()) : MEMORY_PARAM_UNLIMITED;
}

/** The definition's blkio devices, path-only ones included (the formatter leaves those out). */
function blkioDevices(def: DomainDef): BlkioDevice[] {
  return (def.blkiotune?.children ?? []).filter((c) => c.name === 'device').map((dev) => {
    const num = (name: string) => dev.children.find((c) => c.name === name)?.text ?? '0';
    return {
      path: dev.children.find((c) => c.name === 'path')?.text ?? '',
      weight: Number(num('weight')),
      riops: Number(num('read_iops_sec')),
      wiops: Number(num('write_iops_sec')),
      rbps: BigInt(num('read_bytes_sec')),
      wbps: BigInt(num('write_bytes_sec')),
    };
  });
}

function seed(def: DomainDef, tree: XNode, hostCpus: number): Tunables {
  const memtune = child(tree, 'memtune');
  const blkio = child(tree, 'blkiotune');
  const numaMem = child(child(tree, 'numatune'), 'memory');
  const cputune = child(tree, 'cputune');
  const vcpupin: Record<number, boolean[]> = {};
  for (const p of children(cputune, 'vcpupin')) vcpupin[Number(p.attrs.vcpu)] = parseCpuList(p.attrs.cpuset ?? '', hostCpus) ?? [];
  const emu = child(cputune, 'emulatorpin');
  const ids: IOThreadID[] = children(child(tree, 'iothreadids'), 'iothread').map((t) => ({ id: Number(t.attrs.id), autofill: false }));
  const count = Number(child(tree, 'iothreads')?.text.trim() ?? 0);
  for (let id = 1; ids.length < count; id++) if (!ids.some((t) => t.id === id)) ids.push({ id, autofill: true });
  const iotune: Tunables['iotune'] = {};
  const bandwidth: Tunables['bandwidth'] = {};
  for (const disk of children(child(tree, 'devices'), 'disk')) {
    const io = child(disk, 'iotune');
    const dst = child(disk, 'target')?.attrs.dev;
    if (!io || !dst) continue;
    iotune[dst] = Object.fromEntries(io.children.map((c) => [c.name, c.name === 'group_name' ? c.text : BigInt(c.text.trim())]));
  }
  for (const net of children(child(tree, 'devices'), 'interface')) {
    const bw = child(net, 'bandwidth');
    const mac = child(net, 'mac')?.attrs.address;
    if (!bw || !mac) continue;
    const rate = (n: XNode | undefined): BandwidthRate | undefined =>
      n && { average: Number(n.attrs.average ?? 0), peak: Number(n.attrs.peak ?? 0), burst: Number(n.attrs.burst ?? 0), floor: Number(n.attrs.floor ?? 0) };
    bandwidth[mac] = { in: rate(child(bw, 'inbound')), out: rate(child(bw, 'outbound')) };
  }
  for (const p of children(cputune, 'iothreadpin')) {
    const t = ids.find((x) => x.id === Number(p.attrs.iothread));
    if (t) t.cpumask = parseCpuList(p.attrs.cpuset ?? '', hostCpus);
  }
  const perf: Record<string, boolean> = {};
  for (const e of children(child(tree, 'perf'), 'event')) perf[e.attrs.name] = e.attrs.enabled === 'yes';
  return {
    hardLimit: memtuneValue(memtune, 'hard_limit'),
    softLimit: memtuneValue(memtune, 'soft_limit'),
    swapHardLimit: memtuneValue(memtune, 'swap_hard_limit'),
    minGuarantee: BigInt(child(memtune, 'min_guarantee')?.text.trim() ?? 0),
    blkioWeight: Number(child(blkio, 'weight')?.text.trim() ?? 0),
    blkioDevices: blkioDevices(def),
    numaMode: numaMem ? Math.max(0, NUMA_MODES.indexOf(numaMem.attrs.mode ?? 'strict')) : undefined,
    numaNodeset: numaMem?.attrs.nodeset,
    vcpupin,
    emulatorpin: emu ? parseCpuList(emu.attrs.cpuset ?? '', hostCpus) : undefined,
    iothreads: ids,
    perf,
    iotune,
    bandwidth,
  };
}

/** The definition's tuning state, created from its XML the first time it is asked for. */
export function tunables(def: DomainDef, tree: () => XNode, hostCpus: number): Tunables {
  const d = def as WithTunables;
  d.tunables ??= seed(def, tree(), hostCpus);
  return d.tunables;
}
