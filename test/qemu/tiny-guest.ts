// The tiny guest (test/helpers/guest.ts) under a QEMU driver: its domain XML, a private root
// for it, waiting on it, and finding its QEMU processes. Nothing here depends on the test
// runner or on this file's location, so bench/qemu.mjs bundles it as it is.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guestCmdline, tinyGuest, type Guest, type GuestParams } from '../helpers/guest.js';

export { READY_MARKER, tinyGuest } from '../helpers/guest.js';

/**
 * qemu.conf for a guest root: QEMU as root, its output in a plain log file (no virtlogd) and
 * no private /dev namespace (which cannot be built inside real virsh's mount namespace).
 */
export const QEMU_CONF = 'user = "root"\ngroup = "root"\nstdio_handler = "file"\nnamespaces = []\n';

/**
 * Writes QEMU_CONF where a driver on `root` reads it: ROOT/etc/qemu.conf for qemu:///embed,
 * ROOT/etc/libvirt/qemu.conf for a daemon's qemu:///system kept under ROOT.
 */
export function writeQemuConf(root: string, uri: 'embed' | 'system'): void {
  const etc = uri === 'embed' ? join(root, 'etc') : join(root, 'etc', 'libvirt');
  mkdirSync(etc, { recursive: true });
  writeFileSync(join(etc, 'qemu.conf'), QEMU_CONF);
}

/** A new qemu:///embed root under the temp directory, with QEMU_CONF. */
export function makeGuestRoot(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  writeQemuConf(root, 'embed');
  return root;
}

/**
 * The guest's kernel and initrd copied into `dir` (made readable for every user). libvirtd's DAC
 * driver labels the files it boots for its QEMU user and refuses a file another guest already
 * holds under another label (any test's guest on the shared cached image): a guest of the host's
 * libvirtd boots from copies of its own.
 */
export async function privateGuestFiles(dir: string): Promise<Pick<Guest, 'kernel' | 'initrd'>> {
  const guest = await tinyGuest();
  chmodSync(dir, 0o755);
  const files = { kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd.gz') };
  copyFileSync(guest.kernel, files.kernel);
  copyFileSync(guest.initrd, files.initrd);
  return files;
}

export interface GuestXmlOptions extends GuestParams {
  memoryMiB?: number;
  /** The elements inside <devices>. */
  devices: string[];
}

/** A serial port writing to `path`. */
export const fileSerial = (path: string) => `<serial type='file'><source path='${path}'/></serial>`;

/** The serial port and the console on a pty. */
export const PTY_CONSOLE = ["<serial type='pty'/>", "<console type='pty'/>"];

/** The tiny guest's domain XML: 96 MiB unless said, one vCPU, its kernel booted directly. */
export function guestDomainXml(name: string, guest: Pick<Guest, 'kernel' | 'initrd'>, options: GuestXmlOptions): string {
  const { memoryMiB = 96, devices, ...params } = options;
  return `<domain type='qemu'>
  <name>${name}</name>
  <memory unit='MiB'>${memoryMiB}</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>${guest.kernel}</kernel>
    <initrd>${guest.initrd}</initrd>
    <cmdline>${guestCmdline(params)}</cmdline>
  </os>
  <features><acpi/></features>
  <devices>
${devices.map((d) => `    ${d}\n`).join('')}  </devices>
</domain>
`;
}

/**
 * Resolves once `done()` is true, asking every `intervalMs`; after `timeoutMs` throws with
 * `failure()` as its message.
 */
export async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs: number, failure: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Pids of QEMU processes whose command line mentions one of `roots`. */
export function qemuPidsUnder(roots: string[]): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        return cmd.startsWith('/usr/bin/qemu-system') && roots.some((r) => cmd.includes(r));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** SIGKILLs every QEMU under `roots`. */
export function killQemusUnder(roots: string[]): void {
  for (const pid of qemuPidsUnder(roots)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
}
