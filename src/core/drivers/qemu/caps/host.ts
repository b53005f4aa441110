import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decodeHostCpu, hostCpuData } from './host-cpu.js';
import { generateUUID } from '../../../xml/ids.js';

/** Facts about this host that libvirt's virCaps <host> section reports (virCapabilitiesInitNUMA & co). */
export interface HostFacts {
  uuid: string;
  arch: string;
  cpu: {
    vendor?: string;
    /** The decoded CPU model and the features beyond it (absent when CPUID cannot be read). */
    model?: string;
    features: string[];
    microcode?: number;
    signature?: { family: number; model: number; stepping: number };
    tscHz?: number;
    topology: { sockets: number; dies: number; cores: number; threads: number };
    physBits?: number;
  };
  pageSizes: number[];
  iommu: boolean;
  cells: Array<{
    id: number;
    memory: number;
    pages: Array<{ size: number; count: number }>;
    distances: Array<{ id: number; value: number }>;
    cpus: Array<{ id: number; socket: number; die: number; core: number; siblings: string }>;
  }>;
  caches: Array<{ id: number; level: number; type: string; size: number; unit: string; cpus: string }>;
  /** The DAC label QEMU processes get (qemu.conf user:group), as +uid:+gid. */
  dacLabel: string;
}

const SYS = '/sys/devices/system';
const read = (p: string): string | undefined => {
  try {
    return readFileSync(p, 'utf8').trim();
  } catch {
    return undefined;
  }
};
const num = (p: string): number => Number(read(p) ?? 0);

/** virBitmapParse of a kernel cpu list (0-3,8). */
function cpuList(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}

const VENDORS: Record<string, string> = { AuthenticAMD: 'AMD', GenuineIntel: 'Intel', HygonGenuine: 'Hygon' };

function cpuinfo(): Record<string, string> {
  const first = (read('/proc/cpuinfo') ?? '').split('\n\n')[0];
  const out: Record<string, string> = {};
  for (const line of first.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** Huge page sizes the kernel offers (KiB), after the base page. */
function hugePageSizes(): number[] {
  const dir = '/sys/kernel/mm/hugepages';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((d) => Number(/hugepages-(\d+)kB/.exec(d)?.[1]))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
}

function cells(pageSizes: number[]): HostFacts['cells'] {
  const nodes = existsSync(`${SYS}/node`)
    ? readdirSync(`${SYS}/node`).filter((d) => /^node\d+$/.test(d)).map((d) => Number(d.slice(4))).sort((a, b) => a - b)
    : [];
  return nodes.map((id) => {
    const dir = `${SYS}/node/node${id}`;
    const memory = Number(/MemTotal:\s+(\d+)/.exec(read(`${dir}/meminfo`) ?? '')?.[1] ?? 0);
    const huge = pageSizes.slice(1).map((size) => ({ size, count: num(`${dir}/hugepages/hugepages-${size}kB/nr_hugepages`) }));
    const hugeKiB = huge.reduce((s, h) => s + h.size * h.count, 0);
    const dist = (read(`${dir}/distance`) ?? '').split(/\s+/).filter(Boolean).map(Number);
    const cpus = cpuList(read(`${dir}/cpulist`) ?? '').map((cpu) => {
      const t = `${SYS}/cpu/cpu${cpu}/topology`;
      return { id: cpu, socket: num(`${t}/physical_package_id`), die: num(`${t}/die_id`), core: num(`${t}/core_id`), siblings: read(`${t}/thread_siblings_list`) ?? String(cpu) };
    });
    return {
      id,
      memory,
      pages: [{ size: pageSizes[0], count: Math.floor((memory - hugeKiB) / pageSizes[0]) }, ...huge],
      distances: dist.map((value, i) => ({ id: nodes[i], value })),
      cpus,
    };
  });
}

/** virCapabilitiesInitCaches: level-3 (and other shared, non-L1/L2) caches, one bank per id. */
function caches(cpus: number[]): HostFacts['caches'] {
  const banks = new Map<string, HostFacts['caches'][number]>();
  for (const cpu of cpus) {
    const dir = `${SYS}/cpu/cpu${cpu}/cache`;
    if (!existsSync(dir)) continue;
    for (const idx of readdirSync(dir).filter((d) => d.startsWith('index'))) {
      const level = num(`${dir}/${idx}/level`);
      if (level < 3) continue;
      const type = { Unified: 'both', Data: 'data', Instruction: 'code' }[read(`${dir}/${idx}/type`) ?? ''] ?? 'both';
      const id = num(`${dir}/${idx}/id`);
      const kib = Number(/(\d+)K/.exec(read(`${dir}/${idx}/size`) ?? '')?.[1] ?? 0);
      const key = `${level}/${id}/${type}`;
      if (banks.has(key)) continue;
      const [size, unit] = kib % 1024 === 0 ? [kib / 1024, 'MiB'] : [kib, 'KiB'];
      banks.set(key, { id, level, type, size, unit, cpus: read(`${dir}/${idx}/shared_cpu_list`) ?? '' });
    }
  }
  return [...banks.values()];
}

export function hostFacts(qemu: { uid: number; gid: number }): HostFacts {
  const info = cpuinfo();
  const cpuData = hostCpuData();
  const decoded = cpuData && decodeHostCpu(cpuData);
  const pageSizes = [4, ...hugePageSizes()];
  const nodeCells = cells(pageSizes);
  const cpuIds = nodeCells.flatMap((c) => c.cpus.map((x) => x.id));
  const sockets = new Set(nodeCells.flatMap((c) => c.cpus.map((x) => x.socket))).size || 1;
  const threads = cpuList(nodeCells[0]?.cpus[0]?.siblings ?? '0').length;
  const cores = Math.max(1, cpuIds.length / sockets / threads);
  return {
    // No DMI system UUID here: libvirt then makes up a new one per process.
    uuid: read('/sys/class/dmi/id/product_uuid') ?? generateUUID(),
    arch: process.arch === 'x64' ? 'x86_64' : process.arch,
    cpu: {
      vendor: decoded?.vendor ?? VENDORS[info.vendor_id ?? ''],
      model: decoded?.model,
      features: decoded?.features ?? [],
      microcode: info.microcode ? Number(info.microcode) : undefined,
      signature: info['cpu family'] ? { family: Number(info['cpu family']), model: Number(info.model), stepping: Number(info.stepping) } : undefined,
      tscHz: info['cpu MHz'] ? Math.round(Number(info['cpu MHz']) * 1000) * 1000 : undefined,
      topology: { sockets, dies: 1, cores, threads },
      physBits: Number(/(\d+) bits physical/.exec(info['address sizes'] ?? '')?.[1]) || undefined,
    },
    pageSizes,
    iommu: existsSync('/sys/kernel/iommu_groups') && readdirSync('/sys/kernel/iommu_groups').length > 0,
    cells: nodeCells,
    caches: caches(cpuIds),
    dacLabel: `+${qemu.uid}:+${qemu.gid}`,
  };
}
