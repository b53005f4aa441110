/**
 * The CPU drivers (src/cpu/cpu_*.c) and the models libvirt's cpu_map/index.xml lists for
 * them, in that file's order. A driver without a model list accepts every model.
 */
const X86_MODELS = [
  '486', 'pentium', 'pentium2', 'pentium3', 'pentiumpro', 'coreduo', 'n270', 'core2duo',
  'qemu32', 'kvm32', 'cpu64-rhel5', 'cpu64-rhel6', 'qemu64', 'kvm64',
  'Conroe', 'Penryn', 'Nehalem', 'Nehalem-IBRS', 'Westmere', 'Westmere-IBRS',
  'SandyBridge', 'SandyBridge-IBRS', 'IvyBridge', 'IvyBridge-IBRS',
  'Haswell-noTSX', 'Haswell-noTSX-IBRS', 'Haswell', 'Haswell-IBRS',
  'Broadwell-noTSX', 'Broadwell-noTSX-IBRS', 'Broadwell', 'Broadwell-IBRS',
  'Skylake-Client', 'Skylake-Client-IBRS', 'Skylake-Client-noTSX-IBRS',
  'Skylake-Server', 'Skylake-Server-IBRS', 'Skylake-Server-noTSX-IBRS',
  'Cascadelake-Server', 'Cascadelake-Server-noTSX', 'Icelake-Client', 'Icelake-Client-noTSX',
  'Icelake-Server', 'Icelake-Server-noTSX', 'Cooperlake', 'Snowridge',
  'athlon', 'phenom', 'Opteron_G1', 'Opteron_G2', 'Opteron_G3', 'Opteron_G4', 'Opteron_G5',
  'EPYC', 'EPYC-IBPB', 'EPYC-Rome', 'EPYC-Milan',
  'Dhyana',
];

const PPC64_MODELS = ['POWER6', 'POWER7', 'POWER8', 'POWER9', 'POWER10', 'POWERPC_e5500', 'POWERPC_e6500'];

interface CpuDriver {
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
