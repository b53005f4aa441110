import { X86_MODELS as X86_MAP_MODELS } from './x86-data.js';
import { PPC64_MODELS as PPC64_MAP_MODELS } from './ppc64-data.js';

/** The models libvirt's CPU map lists for x86 and ppc64, in its index.xml order. */
const X86_MODELS = X86_MAP_MODELS.map(([name]) => name);

const PPC64_MODELS = PPC64_MAP_MODELS.map(([name]) => name);

/** The CPU drivers (src/cpu/cpu_*.c); a driver without a model list accepts every model. */
export interface CpuDriver {
  arches: readonly string[];
  /** undefined: the driver has no model list (all models accepted). */
  models?: readonly string[];
}

const CPU_DRIVERS: readonly CpuDriver[] = [
  { arches: ['i686', 'x86_64'], models: X86_MODELS },
  { arches: ['ppc64', 'ppc64le'], models: PPC64_MODELS },
  { arches: ['s390', 's390x'] },
  { arches: ['armv6l', 'armv7b', 'armv7l', 'aarch64'] },
];

/** The CPU driver for an architecture, or undefined when no driver handles it. */
export function cpuDriverFor(arch: string): CpuDriver | undefined {
  return CPU_DRIVERS.find((d) => d.arches.includes(arch));
}
