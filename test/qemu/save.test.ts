// save, restore and managed save on qemu:///embed against real virsh 9.0 on libvirt's embedded
// driver, same XML, same steps, in one run. The tiny guest counts on its serial line; a guest
// brought back from an image goes on counting where it stopped, without booting again (QEMU
// starts each run with an empty serial file, so the first tick after a restore shows where
// the guest resumed). Save images must be libvirt's layout, and nothing may be left behind:
// no QEMU, no socket, no half-written image.
import { existsSync, openSync, readdirSync, readFileSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_MARKER, TICK_PREFIX } from '../helpers/guest.js';
import { runToEnd } from '../conformance/cases.mjs';
import { childEnv, fixtures, type Result } from './embed.js';
import { GuestPair, maskRun, qemuPidsUnder, type Side } from './guest-pair.js';
import { waitUntil } from './tiny-guest.js';

let pair: GuestPair;
const LONG = 300_000;
const SIDES: Side[] = ['real', 'ts'];

beforeAll(async () => {
  pair = new GuestPair();
  await pair.writeGuest('s1');
  await pair.writeGuest('s2');
  for (const side of SIDES) writeFileSync(join(pair.roots[side], 'short.img'), 'not an image\n');
}, LONG);
afterAll(() => pair?.remove());

/**
 * libvirt's log header (version, hostname) comes before the first message each process logs,
 * and libvirt's forked helpers (the DAC driver's relabelling) are processes of their own. When
 * that first message is a DAC XATTR warning, which maskRun drops (it depends on what earlier
 * runs left on the files), the header is left alone: it goes too.
 */
function dropOrphanLogHeader(r: Result): Result {
  const header = (l: string) => /^TIME: PID: info : (libvirt version|hostname): /.test(l);
  const out: string[] = [];
  let pending: string[] = [];
  for (const l of r.stderr.split('\n')) {
    if (header(l)) {
      if (pending.length >= 2) pending = [];
      pending.push(l);
    } else if (pending.length && !l.startsWith('TIME: PID: ')) {
      pending = [];
      out.push(l);
    } else {
      out.push(...pending, l);
      pending = [];
    }
  }
  return { ...r, stderr: out.join('\n') };
}

async function same(...args: string[]): Promise<Result> {
  const { real, ts } = await pair.both(...args);
  expect(dropOrphanLogHeader(ts)).toEqual(dropOrphanLogHeader(real));
  return real;
}

/**
 * Real virsh 9.0 now and then hangs after printing "error: Failed to save domain…" when the
 * API call it watches (virshWatchJob) fails at once: the worker thread can quit virsh's main
 * loop before that loop runs. Such a failing step changes nothing, so a hung run is killed and
 * run again (runToEnd, as the conformance runner does); its output is compared in full.
 */
async function sameFailing(...args: string[]): Promise<Result> {
  const withRoot = (side: Side) => args.map((a) => a.replaceAll('ROOT', pair.roots[side]));
  const ran = runToEnd(...pair.command('real', ...withRoot('real')), { cwd: fixtures, env: childEnv, timeout: 20_000 });
  const real = maskRun({ ...ran, code: ran.code ?? -1 }, pair.roots.real);
  const ts = await pair.run('ts', ...withRoot('ts'));
  expect(dropOrphanLogHeader(ts)).toEqual(dropOrphanLogHeader(real));
  expect(real.code).toBe(1);
  return real;
}

const ticks = (side: Side, name: string): number[] => [...pair.serial(side, name).matchAll(new RegExp(`${TICK_PREFIX}(\\d+)`, 'g'))].map((m) => Number(m[1]));
const lastTick = (side: Side, name: string) => Math.max(-1, ...ticks(side, name));

/** Resolves once the guest on `side` has counted past `after`, or throws with its serial line's tail. */
function waitTick(side: Side, name: string, after: number, timeoutMs = 120_000): Promise<void> {
  return waitUntil(() => lastTick(side, name) > after, timeoutMs, 200, () => `${side} ${name}: no tick past ${after}:\n${pair.serial(side, name).slice(-800)}`);
}

/** Waits on both sides until the guest has counted past `after`. */
async function countingPast(name: string, after: Record<Side, number>): Promise<void> {
  await Promise.all(SIDES.map((s) => waitTick(s, name, after[s])));
}

/** A guest brought back from an image: it did not boot again, and counts on from where it was saved. */
async function resumedFrom(name: string, saved: Record<Side, number>): Promise<void> {
  await countingPast(name, saved);
  for (const side of SIDES) {
    expect(pair.serial(side, name)).not.toContain(READY_MARKER);
    expect(ticks(side, name)[0]).toBeGreaterThanOrEqual(saved[side]);
  }
}

/** The header words of an image (libvirt's virQEMUSaveHeader), data length aside (it holds the root's path length). */
function header(path: string): { magic: string; version: number; wasRunning: number; compressed: number; hasCookie: boolean } {
  const fd = openSync(path, 'r');
  const b = Buffer.alloc(92);
  readSync(fd, b, 0, 92, 0);
  closeSync(fd);
  const xmlLen = b.readUInt32LE(32);
  return { magic: b.toString('latin1', 0, 16), version: b.readUInt32LE(16), wasRunning: b.readUInt32LE(24), compressed: b.readUInt32LE(28), hasCookie: xmlLen > 0 };
}

const managedImage = (side: Side, name: string) => join(pair.roots[side], 'lib', 'qemu', 'save', `${name}.save`);

/** Nothing of a stopped guest's runtime is left: no QEMU, no private directory, socket or status file. */
function nothingLeft(): void {
  expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
  expect(readdirSync(join(pair.roots.ts, 'run', 'qemu'))).toEqual([]);
  expect(readdirSync(join(pair.roots.ts, 'lib', 'qemu')).filter((f) => f.startsWith('domain-'))).toEqual([]);
}

describe('save and restore', () => {
  const saved = { real: 0, ts: 0 };

  it('starts the guest and lets it count', async () => {
    await same('define ROOT/s1.xml; start s1');
    await Promise.all(SIDES.map((s) => waitTick(s, 's1', 3)));
  }, LONG);

  it('saves the running guest into a libvirt save image; it ends shut off (saved)', async () => {
    // domstate first: a real virsh process whose first call is a save can hang behind the
    // embedded driver's reconnection of the running guest.
    await same('domstate s1; save s1 ROOT/s1.img; domstate s1 --reason; list --all; dominfo s1');
    for (const side of SIDES) saved[side] = lastTick(side, 's1');
    const [real, ts] = SIDES.map((s) => header(join(pair.roots[s], 's1.img')));
    expect(ts).toEqual(real);
    expect(ts).toMatchObject({ magic: 'LibvirtQemudSave', version: 2, wasRunning: 1, compressed: 0 });
    nothingLeft();
  }, LONG);

  it('reads the image’s definition back (save-image-dumpxml)', async () => {
    await same('save-image-dumpxml ROOT/s1.img');
    await same('save-image-dumpxml ROOT/s1.img --security-info --xpath //seclabel');
  }, LONG);

  it('refuses to save a shut-off guest and to read what is not an image', async () => {
    await sameFailing('domstate s1; save s1 ROOT/other.img');
    expect(existsSync(join(pair.roots.ts, 'other.img'))).toBe(false);
    await same('save-image-dumpxml ROOT/missing.img');
    await same('save-image-dumpxml ROOT/s1.xml');
    await same('save-image-dumpxml ROOT/short.img');
  }, LONG);

  it('restores the guest, which counts on from where it was saved', async () => {
    await same('restore ROOT/s1.img; domstate s1 --reason; list --all');
    await resumedFrom('s1', saved);
  }, LONG);

  it('refuses bad restores: running domain, missing file, no image, a short file, both states', async () => {
    await same('restore ROOT/s1.img');
    await same('restore ROOT/missing.img');
    await same('restore ROOT/s1.xml');
    await same('restore ROOT/short.img');
    await same('restore ROOT/s1.img --running --paused');
    // A replacement definition must be the saved guest's (its UUID differs: ABI check).
    await same('restore ROOT/s1.img --xml ROOT/s1.xml');
    await same('domstate s1 --reason; list --all');
  }, LONG);

  it('keeps the guest running when the image cannot be written (running, save canceled)', async () => {
    await same('domstate s1; save s1 ROOT/no/such/dir/s1.img; domstate s1 --reason');
    expect(existsSync(join(pair.roots.ts, 'no'))).toBe(false);
  }, LONG);

  it('saves paused with --paused; the restore leaves it paused, resume runs it on', async () => {
    await same('domstate s1; save s1 ROOT/s1p.img --paused; domstate s1 --reason');
    for (const side of SIDES) saved[side] = lastTick(side, 's1');
    await same('restore ROOT/s1p.img; domstate s1 --reason; resume s1; domstate s1 --reason');
    await resumedFrom('s1', saved);
  }, LONG);
});

describe('managed save', () => {
  const saved = { real: 0, ts: 0 };

  it('saves the guest into its managed image; dominfo and list report it', async () => {
    await same('domstate s1; managedsave s1; domstate s1 --reason; dominfo s1');
    for (const side of SIDES) saved[side] = lastTick(side, 's1');
    await same('list --all --with-managed-save; list --all --without-managed-save; list --all --managed-save');
    for (const side of SIDES) expect(existsSync(managedImage(side, 's1'))).toBe(true);
    expect(header(managedImage('ts', 's1'))).toEqual(header(managedImage('real', 's1')));
    nothingLeft();
  }, LONG);

  it('shows and edits the managed image’s definition; undefine refuses while it exists', async () => {
    await same('managedsave-dumpxml s1');
    await same('managedsave-dumpxml s1 --security-info --xpath //seclabel');
    await same('undefine s1; list --all');
    for (const side of SIDES) {
      // Unmasked: the file must keep the domain's own UUID.
      const dumped = await pair.runRaw(side, 'managedsave-dumpxml', 's1');
      const xml = dumped.stdout.replace('<devices>', '<description>edited</description>\n  <devices>');
      writeFileSync(join(pair.roots[side], 'edited.xml'), xml);
    }
    await same('managedsave-define s1 ROOT/edited.xml; managedsave-dumpxml s1 --xpath //description');
    await same('managedsave-define s1 ROOT/s1.xml');
    await same('save-image-define ROOT/s1.img ROOT/s1.xml');
  }, LONG);

  it('starts from the managed image: the guest counts on and the image is gone', async () => {
    await same('start s1; domstate s1 --reason; list --all --managed-save');
    await resumedFrom('s1', saved);
    for (const side of SIDES) expect(existsSync(managedImage(side, 's1'))).toBe(false);
    await same('managedsave-remove s1; managedsave-dumpxml s1');
  }, LONG);

  it('starts paused from an image saved paused', async () => {
    await same('domstate s1; managedsave s1 --paused; start s1; domstate s1 --reason; resume s1; domstate s1 --reason');
  }, LONG);

  it('boots afresh with --force-boot, discarding the image', async () => {
    await same('domstate s1; managedsave s1; start s1 --force-boot; domstate s1 --reason; dominfo s1');
    for (const side of SIDES) expect(existsSync(managedImage(side, 's1'))).toBe(false);
    await Promise.all(SIDES.map((s) => pair.waitSerial(s, 's1', READY_MARKER)));
  }, LONG);

  it('removes the image with managedsave-remove', async () => {
    await same('domstate s1; managedsave s1; managedsave-remove s1; dominfo s1; managedsave-remove s1');
  }, LONG);

  it('refuses a managed save of a shut-off or a transient domain', async () => {
    await sameFailing('domstate s1; managedsave s1');
    await same('create ROOT/s2.xml; domstate s2');
    await sameFailing('domstate s2; managedsave s2');
    // suspend takes a job, so the destroy does not race real libvirt's takeover of the guest.
    await same('suspend s2; destroy s2; list --all');
  }, LONG);

  it('undefines with --managed-save, image and all', async () => {
    await same('start s1; domstate s1; managedsave s1; undefine s1 --managed-save; list --all');
    for (const side of SIDES) expect(existsSync(managedImage(side, 's1'))).toBe(false);
    nothingLeft();
    expect(readFileSync(join(pair.roots.ts, 's1.img')).subarray(0, 16).toString()).toBe('LibvirtQemudSave');
  }, LONG);
});
