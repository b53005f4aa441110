// The tiny test guest (see /work/shared/GUESTS.md): a Debian kernel booted directly with a
// busybox initramfs that prints a ready marker and a heartbeat on ttyS0, powers off on the
// ACPI power button, and reads or writes a virtio disk when its command line asks.
// Built once per kernel package and recipe, cached, and guarded by a lock directory so
// parallel test files never build it twice.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGuest, kernelPackage } from './guest/build.js';
import { BASE_CMDLINE, GUEST_FILES, GUEST_MODULES } from './guest/init.js';

export { READY_MARKER, TICK_PREFIX, WROTE_PREFIX, READ_PREFIX, FILLED_PREFIX } from './guest/init.js';

export interface Guest {
  kernel: string;
  initrd: string;
  /** The base kernel command line; add guest parameters with guestCmdline(). */
  cmdline: string;
}

/** What the guest does at boot, passed on its kernel command line. */
export interface GuestParams {
  /** Write this text (no spaces) and a newline at the start of /dev/vda. */
  write?: string;
  /** Print the first line found at the start of /dev/vda. */
  read?: boolean;
  /** Fill this many MiB of guest RAM with random data. */
  fillMiB?: number;
}

export function guestCmdline(params: GuestParams = {}): string {
  const parts = [BASE_CMDLINE];
  if (params.fillMiB !== undefined) parts.push(`vts.fill=${params.fillMiB}`);
  if (params.write !== undefined) {
    if (/\s/.test(params.write) || params.write === '') throw new Error('vts.write takes one non-empty word');
    parts.push(`vts.write=${params.write}`);
  }
  if (params.read) parts.push('vts.read');
  return parts.join(' ');
}

const LOCK_WAIT_MS = 10 * 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock directory, breaking it when its owner died; returns the release function. */
async function lock(path: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'owner'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(path, 'owner'), 'utf8'));
    } catch {
      // The owner has made the directory but not yet written its pid: wait for it.
    }
    if (Number.isInteger(owner) && !alive(owner)) rmSync(path, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`timed out waiting for the guest build lock ${path}`);
    else await new Promise((r) => setTimeout(r, 250));
  }
}

function recipeHash(): string {
  return createHash('sha256').update(JSON.stringify([GUEST_FILES, GUEST_MODULES])).digest('hex').slice(0, 12);
}

let cached: Promise<Guest> | undefined;

/** The tiny guest's kernel, initramfs and base command line, built on first use. */
export function tinyGuest(): Promise<Guest> {
  cached ??= prepare();
  return cached;
}

async function prepare(): Promise<Guest> {
  const pkg = await kernelPackage();
  const base = process.env.VIRSH_TS_GUEST_CACHE || tmpdir();
  mkdirSync(base, { recursive: true });
  const dir = join(base, `virsh-ts-guest-${pkg.name}_${pkg.version}-${recipeHash()}`);
  const guest = { kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd.gz'), cmdline: BASE_CMDLINE };
  if (existsSync(dir)) return guest;
  const release = await lock(`${dir}.lock`);
  try {
    if (existsSync(dir)) return guest;
    const work = mkdtempSync(join(base, 'virsh-ts-guest-build-'));
    try {
      const out = join(work, 'out');
      mkdirSync(out);
      await buildGuest(pkg, work, out);
      // Readers test for `dir` alone, so it appears complete or not at all.
      renameSync(out, dir);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return guest;
  } finally {
    release();
  }
}

/** Creates an empty disk image with qemu-img; returns its path. */
export async function createDiskImage(path: string, format: 'raw' | 'qcow2', sizeMiB: number): Promise<string> {
  await execa('qemu-img', ['create', '-q', '-f', format, path, `${sizeMiB}M`]);
  return path;
}
