/** libvirt's architecture table (virarch.c): name and word size, in virArch order. */
export const ARCHES: ReadonlyArray<readonly [string, number]> = [
  ['alpha', 64], ['armv6l', 32], ['armv7l', 32], ['armv7b', 32], ['aarch64', 64],
  ['cris', 32], ['i686', 32], ['ia64', 64], ['lm32', 32], ['m68k', 32],
  ['microblaze', 32], ['microblazeel', 32], ['mips', 32], ['mipsel', 32], ['mips64', 64],
  ['mips64el', 64], ['openrisc', 32], ['parisc', 32], ['parisc64', 64], ['ppc', 32],
  ['ppcle', 32], ['ppc64', 64], ['ppc64le', 64], ['ppcemb', 32], ['riscv32', 32],
  ['riscv64', 64], ['s390', 32], ['s390x', 64], ['sh4', 32], ['sh4eb', 64],
  ['sparc', 32], ['sparc64', 64], ['unicore32', 32], ['x86_64', 64], ['xtensa', 32],
  ['xtensaeb', 32],
];

/** virArchFromString: a known architecture name ('none' is not one). */
export function isKnownArch(name: string): boolean {
  return ARCHES.some(([n]) => n === name);
}

export function archWordsize(name: string): number {
  return ARCHES.find(([n]) => n === name)?.[1] ?? 0;
}
