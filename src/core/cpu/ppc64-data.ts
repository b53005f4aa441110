// libvirt 9.0's ppc64 CPU map (src/cpu_map/ppc64_*.xml): vendor and model names.
// Written by scripts/gen-cpu-map.mjs.
// Generated data; do not edit by hand.

export const PPC64_VENDORS: readonly string[] = ['IBM', 'Freescale'];

/** [model, vendor ('' for none)] */
export const PPC64_MODELS: ReadonlyArray<readonly [string, string]> = [
  ['POWER6', 'IBM'],
  ['POWER7', 'IBM'],
  ['POWER8', 'IBM'],
  ['POWER9', 'IBM'],
  ['POWER10', 'IBM'],
  ['POWERPC_e5500', 'Freescale'],
  ['POWERPC_e6500', 'Freescale'],
];
