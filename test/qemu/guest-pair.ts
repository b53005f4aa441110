// Real virsh 9.0 on libvirt's embedded QEMU driver and virsh-ts, side by side, each on a root
// of its own, running the tiny guest. Real virsh runs in a mount namespace without /dev/kvm
// (fixtures/argv/nokvm.sh) so libvirt keeps its QEMU probe; both roots' qemu.conf runs QEMU
// as root, writes QEMU's output to a plain log file (no virtlogd here) and skips the private
// /dev namespace (which cannot be built inside that mount namespace).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tinyGuest, type GuestParams } from '../helpers/guest.js';
import { fixtures, maskText, repo, runBin, type Result } from './embed.js';
import { fileSerial, guestDomainXml, killQemusUnder, makeGuestRoot, waitUntil } from './tiny-guest.js';

export { qemuPidsUnder } from './tiny-guest.js';

const tsBin = join(repo, 'bin', 'virsh-ts');
const nokvm = join(fixtures, 'argv', 'nokvm.sh');

export type Side = 'real' | 'ts';

/** runBin's code for a process killed by a signal. */
const SIGNALLED = -1;

export interface GuestOptions extends GuestParams {
  /** A virtio disk image (created by the caller). */
  disk?: { path: string; format: 'raw' | 'qcow2' };
  memoryMiB?: number;
  /** Extra XML inside <devices>. */
  devices?: string;
}

/**
 * Everything libvirt prints that changes from run to run: generated ids, the root, pty
 * numbers, the CPU time, and the log lines' time and pid. The DAC driver's XATTR warnings
 * depend on what an earlier run (or another test's guest on the same kernel) left on the
 * files, so they are dropped, and with them the log's version and host lines when nothing
 * else was logged (libvirt prints those before its first message).
 */
/**
 * Real virsh sometimes exits while libvirt's background takeover thread still holds the
 * connection, and says so; which runs do is timing, and virsh-ts has no such thread.
 */
export const dropLeakWarning = (stderr: string): string =>
  stderr.replace(/^error: One or more references were leaked after disconnect from the hypervisor\n/m, '');

export function maskRun(r: Result, root: string): Result {
  const m = (s: string) =>
    maskText(s, root)
      .replace(/\/dev\/pts\/\d+/g, '/dev/pts/N')
      .replace(/^(CPU time: +)[\d.]+s$/gm, '$1Ns');
  const lines = m(dropLeakWarning(r.stderr))
    .split('\n')
    .filter((l) => !/: (warning|info) : virSecurity/.test(l))
    .map((l) => l.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: \d+: /, 'TIME: PID: '));
  const header = (l: string) => /^TIME: PID: info : (libvirt version|hostname): /.test(l);
  const logged = lines.some((l) => l.startsWith('TIME: PID: ') && !header(l));
  const stderr = (logged ? lines : lines.filter((l) => !header(l))).join('\n');
  return { stdout: m(r.stdout), stderr, code: r.code };
}

export class GuestPair {
  readonly roots: Record<Side, string>;

  constructor() {
    this.roots = { real: makeGuestRoot('qemu-guest-real-'), ts: makeGuestRoot('qemu-guest-ts-') };
  }

  uri(side: Side): string {
    return `qemu:///embed?root=${this.roots[side]}`;
  }

  /** The program and arguments that run virsh with `args` on one side. */
  command(side: Side, ...args: string[]): [string, string[]] {
    return side === 'real' ? ['unshare', ['-m', nokvm, 'virsh', '-c', this.uri('real'), ...args]] : [tsBin, ['-c', this.uri('ts'), ...args]];
  }

  /** One virsh command line on one side, unmasked. */
  runRaw(side: Side, ...args: string[]): Promise<Result> {
    return runBin(...this.command(side, ...args));
  }

  /** One virsh command line on one side, masked. */
  async run(side: Side, ...args: string[]): Promise<Result> {
    return maskRun(await this.runRaw(side, ...args), this.roots[side]);
  }

  /**
   * The same arguments on both sides, concurrently; ROOT in an argument is each side's root.
   * Real virsh sometimes dies of SIGSEGV on exit, after its commands ran and printed, when
   * libvirt's takeover thread still works on a running guest; its exit status is then lost,
   * so virsh-ts's stands in for it if it is one virsh could give (the output is still compared).
   */
  async both(...args: string[]): Promise<Record<Side, Result>> {
    const [real, ts] = await Promise.all(
      (['real', 'ts'] as const).map((side) => this.run(side, ...args.map((a) => a.replaceAll('ROOT', this.roots[side])))),
    );
    if (real.code === SIGNALLED && (ts.code === 0 || ts.code === 1)) {
      console.warn(`real virsh died of a signal on exit (${args.join(' ')}); comparing output only`);
      return { real: { ...real, code: ts.code }, ts };
    }
    return { real, ts };
  }

  /** both(), expecting virsh-ts's result to equal real virsh's; returns real virsh's. */
  async same(...args: string[]): Promise<Result> {
    const { real, ts } = await this.both(...args);
    expect(ts).toEqual(real);
    return real;
  }

  /** Writes ROOT/NAME.xml on both sides: the tiny guest, its serial line into ROOT/NAME.serial. */
  async writeGuest(name: string, options: GuestOptions = {}): Promise<void> {
    const guest = await tinyGuest();
    const { disk, devices, ...rest } = options;
    for (const side of ['real', 'ts'] as const) {
      const root = this.roots[side];
      const diskXml = disk
        ? [`<disk type='file' device='disk'><driver name='qemu' type='${disk.format}'/><source file='${disk.path.replaceAll('ROOT', root)}'/><target dev='vda' bus='virtio'/></disk>`]
        : [];
      const xml = guestDomainXml(name, guest, { ...rest, devices: [...diskXml, fileSerial(join(root, `${name}.serial`)), ...(devices ? [devices] : [])] });
      writeFileSync(join(root, `${name}.xml`), xml);
    }
  }

  serial(side: Side, name: string): string {
    try {
      return readFileSync(join(this.roots[side], `${name}.serial`), 'utf8');
    } catch {
      return '';
    }
  }

  /** Resolves once the guest's serial line shows `text` `times` times, or throws with its tail. */
  waitSerial(side: Side, name: string, text: string, times = 1, timeoutMs = 120_000): Promise<void> {
    const log = () => this.serial(side, name);
    return waitUntil(() => log().split(text).length - 1 >= times, timeoutMs, 200, () => `${side} ${name}: '${text}' ×${times} not seen in ${timeoutMs} ms:\n${log().slice(-1500)}`);
  }

  /**
   * Polls `domstate --reason` on one side until it starts with `state`. libvirt finishes a
   * guest that shut down while no process watched it in its takeover thread, which a virsh
   * that exits at once kills half-way (on a loaded machine, every time); so real virsh first
   * waits in `event --timeout`, giving that thread its time, then asks.
   */
  async waitState(side: Side, name: string, state: string, timeoutMs = 120_000): Promise<void> {
    let last: Result | undefined;
    const line = side === 'real' ? [`event --all --timeout 2; domstate ${name} --reason`] : ['domstate', name, '--reason'];
    const reached = async () => (last = await this.run(side, ...line)).stdout.trim().split('\n').at(-1)!.startsWith(state);
    await waitUntil(reached, timeoutMs, 500, () => `${side} ${name}: never reached '${state}' (last: ${last?.stdout.trim()} ${last?.stderr.trim()})`);
  }

  /** Every QEMU still running under either root is killed, then the roots go. */
  remove(): void {
    killQemusUnder(Object.values(this.roots));
    for (const root of Object.values(this.roots)) rmSync(root, { recursive: true, force: true });
  }
}
