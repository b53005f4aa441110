import { closeSync, openSync, readSync } from 'node:fs';
import { addItem, copyData, isSubsetData, subtractData, type X86Data } from '../../../cpu/x86-bits.js';
import { x86Map, findX86Feature } from '../../../cpu/x86-map.js';

/** One CPUID leaf of CPU 0 through the kernel's cpuid device: [eax, ebx, ecx, edx]. */
function cpuid(fd: number, leaf: number, subleaf: number): number[] {
  const buf = Buffer.alloc(16);
  readSync(fd, buf, 0, 16, (BigInt(subleaf) << 32n) | BigInt(leaf));
  return [0, 4, 8, 12].map((o) => buf.readUInt32LE(o));
}

function readMsr(index: number): number[] | undefined {
  try {
    const fd = openSync('/dev/cpu/0/msr', 'r');
    try {
      const buf = Buffer.alloc(8);
      readSync(fd, buf, 0, 8, index);
      return [buf.readUInt32LE(0), buf.readUInt32LE(4)];
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * cpuidSet(BASIC) + cpuidSet(EXTENDED) as libvirt's x86 driver reads the host: every leaf up
 * to the maximum each range reports. Only the (leaf, subleaf) pairs the CPU map knows matter
 * for decoding, so those are the ones read.
 */
export function hostCpuData(): X86Data | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/cpu/0/cpuid', 'r');
  } catch {
    return undefined;
  }
  try {
    const data: X86Data = new Map();
    const maxBasic = cpuid(fd, 0, 0)[0];
    const maxExt = cpuid(fd, 0x80000000, 0)[0];
    const wanted = new Set<string>(['0:0']);
    for (const f of x86Map().features) for (const key of f.data.keys()) if (key.startsWith('cpuid:')) wanted.add(key.slice(6));
    for (const pair of wanted) {
      const [leaf, sub] = pair.split(':').map(Number);
      const inRange = leaf >= 0x80000000 ? leaf <= maxExt : leaf <= maxBasic;
      if (inRange) addItem(data, `cpuid:${leaf}:${sub}`, cpuid(fd, leaf, sub));
    }
    // IA32_ARCH_CAPABILITIES (0x10a), when CPUID says the MSR exists.
    const archCaps = findX86Feature('arch-capabilities');
    if (archCaps && isSubsetData(data, archCaps.data)) {
      const msr = readMsr(0x10a);
      if (msr) addItem(data, `msr:${0x10a}`, msr);
    }
    return data;
  } finally {
    closeSync(fd);
  }
}

/**
 * x86Decode for a host CPU (no hypervisor model list): among models usable for host
 * definitions whose bits are all present (a host CPU never lists disabled features), the one
 * that leaves the fewest extra features, newest first on ties. Features are named in map order.
 */
export function decodeHostCpu(input: X86Data): { vendor?: string; model: string; features: string[] } | undefined {
  const map = x86Map();
  const data = copyData(input);
  const vendor = map.vendors.find((v) => isSubsetData(data, v.data));
  if (vendor) subtractData(data, vendor.data);
  let best: { model: string; features: string[] } | undefined;
  for (let i = map.models.length - 1; i >= 0; i--) {
    const m = map.models[i];
    if (!m.decodeHost) continue;
    if (vendor && m.vendor && m.vendor !== vendor) continue;
    if (!isSubsetData(data, m.data)) continue;
    const extra = copyData(data);
    subtractData(extra, m.data);
    const features: string[] = [];
    for (const f of map.features) {
      if (!isSubsetData(extra, f.data)) continue;
      subtractData(extra, f.data);
      features.push(f.name);
    }
    if (!best || features.length < best.features.length) best = { model: m.name, features };
  }
  return best && { vendor: vendor?.name, ...best };
}
