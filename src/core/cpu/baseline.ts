import { virErr } from '../errors.js';
import type { CpuDef } from './cpu-def.js';
import { PPC64_MODELS, PPC64_VENDORS } from './ppc64-data.js';
import { x86Baseline, x86ExpandFeatures } from './x86-baseline.js';

interface CpuArchDriver {
  arches: readonly string[];
  /** undefined: the driver cannot compute baselines. */
  baseline?: (cpus: readonly CpuDef[]) => CpuDef;
  expandFeatures?: (cpu: CpuDef) => void;
}

const failed = (msg: string) => virErr('OPERATION_FAILED', msg, 'CPU');

/** virCPUppc64Baseline: all CPUs must name the same model; vendors must agree. */
function ppc64Baseline(cpus: readonly CpuDef[]): CpuDef {
  const model = PPC64_MODELS.find(([name]) => name === cpus[0].model);
  if (!model) throw virErr('INTERNAL_ERROR', `Unknown CPU model ${cpus[0].model}`, 'CPU');
  const [modelName, modelVendor] = model;
  let vendor: string | undefined;
  for (const cpu of cpus) {
    if (cpu.model !== modelName) throw failed('CPUs are incompatible');
    if (!cpu.vendor) continue;
    if (!PPC64_VENDORS.includes(cpu.vendor)) throw failed(`Unknown CPU vendor ${cpu.vendor}`);
    if (modelVendor) {
      if (modelVendor !== cpu.vendor) {
        throw failed(`CPU vendor ${modelVendor} of model ${modelName} differs from vendor ${cpu.vendor}`);
      }
    } else if (vendor && vendor !== cpu.vendor) {
      throw failed('CPU vendors do not match');
    } else {
      vendor = cpu.vendor;
    }
  }
  return { type: 'guest', match: 'exact', fallback: 'forbid', model: modelName, vendor, features: [] };
}

/** virCPUarmBaseline: the first CPU's model, nothing else. */
function armBaseline(cpus: readonly CpuDef[]): CpuDef {
  return { type: 'guest', match: 'exact', fallback: 'allow', model: cpus[0].model, features: [] };
}

/** libvirt's CPU drivers (src/cpu/cpu.c), in lookup order. */
const DRIVERS: readonly CpuArchDriver[] = [
  { arches: ['i686', 'x86_64'], baseline: x86Baseline, expandFeatures: x86ExpandFeatures },
  { arches: ['ppc64', 'ppc64le'], baseline: ppc64Baseline },
  { arches: ['s390', 's390x'] },
  { arches: ['armv6l', 'armv7b', 'armv7l', 'aarch64'], baseline: armBaseline },
];

/** cpuGetSubDriver */
function driverFor(arch: string | undefined): CpuArchDriver {
  if (!arch) throw virErr('INTERNAL_ERROR', 'undefined hardware architecture', 'CPU');
  const driver = DRIVERS.find((d) => d.arches.includes(arch));
  if (!driver) throw virErr('NO_SUPPORT', `'${arch}' architecture is not supported by CPU driver`, 'CPU');
  return driver;
}

/** virCPUBaseline with no architecture, hypervisor models or feature filter: the first CPU's arch decides. */
export function cpuBaseline(cpus: readonly CpuDef[]): CpuDef {
  if (cpus.length === 0) throw virErr('INVALID_ARG', 'no CPUs given', 'CPU');
  cpus.forEach((cpu, i) => {
    if (!cpu.model) throw virErr('INVALID_ARG', `no CPU model specified at index ${i}`, 'CPU');
  });
  const arch = cpus[0].arch;
  const driver = driverFor(arch);
  if (!driver.baseline) throw virErr('NO_SUPPORT', `cannot compute baseline CPU of ${arch} architecture`, 'CPU');
  return driver.baseline(cpus);
}

/** virCPUExpandFeatures: the driver's expansion, then features sorted by name. */
export function cpuExpandFeatures(arch: string | undefined, cpu: CpuDef): void {
  driverFor(arch).expandFeatures?.(cpu);
  cpu.features.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
