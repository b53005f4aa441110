/** libvirt's architecture names (virarch.c), in virArch order. */
export const ARCHES: readonly string[] = [
  'alpha', 'armv6l', 'armv7l', 'armv7b', 'aarch64', 'cris', 'i686', 'ia64', 'lm32', 'm68k',
  'microblaze', 'microblazeel', 'mips', 'mipsel', 'mips64', 'mips64el', 'openrisc', 'parisc', 'parisc64', 'ppc',
  'ppcle', 'ppc64', 'ppc64le', 'ppcemb', 'riscv32', 'riscv64', 's390', 's390x', 'sh4', 'sh4eb',
  'sparc', 'sparc64', 'unicore32', 'x86_64', 'xtensa', 'xtensaeb',
];

/** virArchFromString: a known architecture name ('none' is not one). */
export function isKnownArch(name: string): boolean {
  return ARCHES.includes(name);
}
