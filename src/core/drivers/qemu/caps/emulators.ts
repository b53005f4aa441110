import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A guest architecture the driver looks for, the binary suffix QEMU uses for it, and its caps. */
export interface GuestArch {
  arch: string;
  binary: string;
  wordsize: number;
  /** <features> under the guest, in libvirt's order. */
  features: string[];
}

const X86_FEATURES = ['acpi', 'apic', 'cpuselection', 'deviceboot', 'disksnapshot'];

/** virQEMUCapsInitGuest's architectures (x86 only for now), in libvirt's virArch order. */
export const GUEST_ARCHES: readonly GuestArch[] = [
  { arch: 'i686', binary: 'qemu-system-i386', wordsize: 32, features: ['pae', 'nonpae', ...X86_FEATURES] },
  { arch: 'x86_64', binary: 'qemu-system-x86_64', wordsize: 64, features: X86_FEATURES },
];

/** virQEMUCapsFindBinary: the first executable of that name on $PATH. */
export function findBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function archFor(arch: string): GuestArch | undefined {
  return GUEST_ARCHES.find((g) => g.arch === arch);
}
