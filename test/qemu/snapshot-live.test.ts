// Snapshots of running guests on qemu:///embed against real virsh 9.0 on libvirt's embedded
// driver, same XML, same steps, in one run (GuestPair): internal snapshots with the guest's
// memory (QEMU's savevm into the qcow2 image), --halt, reverts to running, paused and
// shut-off snapshots from a running or stopped guest (a new QEMU loads the snapshot), delete
// of a running guest's snapshots, external ones (a qcow2 overlay put under the running guest,
// the memory as a save image), a transient guest's metadata going with it, and the refusals. The tiny guest proves the revert: its disk holds what it wrote before the
// snapshot again, and its TICK counter goes back to the value it had at snapshot time.
// Masked: the roots, generated ids, the log lines' time and pid, and the creation times.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskImage, READY_MARKER, TICK_PREFIX, tinyGuest, WROTE_PREFIX } from '../helpers/guest.js';
import { maskText } from './embed.js';
import { GuestPair, qemuPidsUnder, type GuestOptions, type Side } from './guest-pair.js';

const LONG = 300_000;
const G_UUID = '4b0f5a52-7a38-4c55-9d0e-5f1d3c2a9e61';
const SIDES: Side[] = ['real', 'ts'];
let pair: GuestPair;

/** Creation times are the clock's (the list column, the XML element), and so are QEMU's log lines'. */
const maskTimes = (s: string) =>
  s
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/g, 'QEMU-TIME')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}/g, 'TIME').replace(/<creationTime>\d+<\/creationTime>/g, '<creationTime>T</creationTime>');

/**
 * libvirt's log header (version, host name) comes before a process's first log line; the
 * DAC driver's label warnings, which GuestPair drops as run-dependent, come from a forked
 * child that prints the header too, so real virsh may show it twice: kept once here.
 */
function onceHeader(stderr: string): string {
  const seen = new Set<string>();
  return stderr
    .split('\n')
    .filter((l) => !/^TIME: PID: info : (libvirt version|hostname): /.test(l) || (!seen.has(l) && seen.add(l)))
    .join('\n');
}

/**
 * libvirt words a QEMU that ends during start-up by when it noticed: before the monitor was
 * connected or after; which one a run hits is timing, so both read the same here.
 */
const monitorEnd = (s: string) => s.replace(/qemu unexpectedly closed the monitor|process exited while connecting to monitor/g, 'QEMU-ENDED');

/** The same command line on both sides; virsh-ts must print and exit as real virsh. */
async function same(...args: string[]) {
  const { real, ts } = await pair.both(...args);
  const m = (r: typeof real) => ({ ...r, stdout: maskTimes(r.stdout), stderr: onceHeader(monitorEnd(maskTimes(r.stderr))) });
  expect(m(ts)).toEqual(m(real));
  return real;
}

const bothSides = (f: (side: Side) => Promise<void>) => Promise.all(SIDES.map(f));

/** The snapshot metadata files of a domain, masked, by name. */
function metadata(side: Side, dom: string): Record<string, string> | undefined {
  const dir = join(pair.roots[side], 'lib', 'qemu', 'snapshot', dom);
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).sort();
  return Object.fromEntries(files.map((f) => [f, maskTimes(maskText(readFileSync(join(dir, f), 'utf8'), pair.roots[side]))]));
}

function sameMetadata(dom: string) {
  const real = metadata('real', dom);
  const ts = metadata('ts', dom);
  expect(Object.keys(ts ?? {})).toEqual(Object.keys(real ?? {}));
  for (const f of Object.keys(real ?? {})) expect(ts?.[f], f).toEqual(real?.[f]);
  return real;
}

/** The internal snapshots in an image (read while QEMU holds it: -U), name and whether it has memory state. */
function imageSnapshots(side: Side, image: string): string[] {
  const out = execFileSync('qemu-img', ['snapshot', '-U', '-l', join(pair.roots[side], image)], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(/\s+/))
    .map((f) => `${f[1]}${f[2] === '0' || f[2] === '0 B' ? '' : ' +vm'}`);
}

function sameImage(image: string): string[] {
  const real = imageSnapshots('real', image);
  expect(imageSnapshots('ts', image)).toEqual(real);
  return real;
}

/** The first line at the start of the guest's disk, as the guest itself would read it. */
function diskWord(side: Side, image: string): string {
  const raw = join(pair.roots[side], `${image}.raw`);
  execFileSync('qemu-img', ['convert', '-U', '-f', 'qcow2', '-O', 'raw', join(pair.roots[side], image), raw]);
  return readFileSync(raw).subarray(0, 512).toString('latin1').split(/[\n\0]/)[0];
}

/** The TICK counter values on the guest's serial line, in order. */
const ticks = (side: Side, name: string): number[] =>
  [...pair.serial(side, name).matchAll(new RegExp(`^${TICK_PREFIX}(\\d+)`, 'gm'))].map((m) => Number(m[1]));
const lastTick = (side: Side, name: string) => ticks(side, name).at(-1) ?? -1;

async function waitBoth(name: string, text: string, times = 1) {
  await bothSides((side) => pair.waitSerial(side, name, text, times));
}

/** Resolves once the guest's TICK counter on one side reached `n`. */
async function waitTick(side: Side, name: string, n: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (lastTick(side, name) < n) {
    if (Date.now() > deadline) throw new Error(`${side} ${name}: TICK ${n} not reached (last ${lastTick(side, name)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * GuestPair.writeGuest, then each side boots its own copy of the kernel and initramfs:
 * libvirt's DAC driver records a file's owner while a guest uses it, and guests of other
 * tests using the shared copy would make real libvirt refuse the start.
 */
async function writeGuest(name: string, options: GuestOptions, edit: (xml: string) => string = (x) => x) {
  await pair.writeGuest(name, options);
  const guest = await tinyGuest();
  for (const side of SIDES) {
    const root = pair.roots[side];
    const file = join(root, `${name}.xml`);
    const xml = readFileSync(file, 'utf8').replace(guest.kernel, join(root, 'vmlinuz')).replace(guest.initrd, join(root, 'initrd.gz'));
    writeFileSync(file, edit(xml));
  }
}

/** The tiny guest g with a fixed UUID, so a changed definition of it can be defined over the old. */
const writeG = (write: string) =>
  writeGuest('g', { write, disk: { path: 'ROOT/g.qcow2', format: 'qcow2' } }, (xml) => xml.replace('<name>g</name>', `<name>g</name>\n  <uuid>${G_UUID}</uuid>`));

beforeAll(async () => {
  pair = new GuestPair();
  const guest = await tinyGuest();
  for (const side of SIDES) {
    copyFileSync(guest.kernel, join(pair.roots[side], 'vmlinuz'));
    copyFileSync(guest.initrd, join(pair.roots[side], 'initrd.gz'));
    await createDiskImage(join(pair.roots[side], 'g.qcow2'), 'qcow2', 16);
    await createDiskImage(join(pair.roots[side], 't.qcow2'), 'qcow2', 16);
    await createDiskImage(join(pair.roots[side], 'r.raw'), 'raw', 16);
    writeFileSync(join(pair.roots[side], 'busy.img'), 'not empty');
  }
  await writeG('BEFORE');
}, LONG);
afterAll(() => pair?.remove());

describe('snapshots of a running guest on qemu:///embed', () => {
  /** Per side: the last TICK seen before the snapshot was asked for, and right after it was taken. */
  const atSnapshot: Record<Side, { before: number; after: number }> = { real: { before: 0, after: 0 }, ts: { before: 0, after: 0 } };

  it('takes an internal snapshot with memory: the guest pauses for it and runs on (running (unpaused))', async () => {
    expect((await same('define ROOT/g.xml; start g')).code).toBe(0);
    await waitBoth('g', `${WROTE_PREFIX}BEFORE`);
    await bothSides((side) => waitTick(side, 'g', 5));
    for (const side of SIDES) atSnapshot[side].before = lastTick(side, 'g');
    expect((await same('snapshot-create-as g s1 --description "while running"; domstate g --reason')).code).toBe(0);
    for (const side of SIDES) atSnapshot[side].after = lastTick(side, 'g');
    await same('snapshot-list g; snapshot-info g s1; snapshot-current g --name; list --all --with-snapshot');
    await same('snapshot-dumpxml g s1');
    expect(Object.keys(sameMetadata('g') ?? {})).toEqual(['s1.xml']);
    expect(sameImage('g.qcow2')).toEqual(['s1 +vm']);
  }, LONG);

  it('reverts the running guest to it: a new QEMU, the counter back at its snapshot-time value', async () => {
    // The guest runs well past the snapshot first.
    await bothSides((side) => waitTick(side, 'g', atSnapshot[side].after + 15));
    expect((await same('snapshot-revert g s1; domstate g --reason; domid g; snapshot-current g --name')).code).toBe(0);
    await waitBoth('g', TICK_PREFIX, 3);
    for (const side of SIDES) {
      // QEMU's new serial file starts where the snapshot left the guest, not where it was.
      const first = ticks(side, 'g')[0];
      expect(first).toBeGreaterThanOrEqual(atSnapshot[side].before);
      expect(first).toBeLessThanOrEqual(atSnapshot[side].after + 1);
      expect(pair.serial(side, 'g')).not.toContain(READY_MARKER);
    }
    sameMetadata('g');
  }, LONG);

  it('--paused leaves the reverted guest paused (from snapshot); resume runs it', async () => {
    await same('snapshot-revert g s1 --paused; domstate g --reason');
    await same('domstate g --reason; resume g; domstate g --reason');
  }, LONG);

  it('brings back the disk content written before the snapshot, from a guest that wrote over it', async () => {
    await writeG('AFTER');
    // Defined while running: the next start boots it. The destroy follows a step that takes
    // a job, so it does not race real libvirt's takeover of the guest.
    expect((await same('define ROOT/g.xml; suspend g; destroy g; start g')).code).toBe(0);
    await waitBoth('g', `${WROTE_PREFIX}AFTER`);
    for (const side of SIDES) expect(diskWord(side, 'g.qcow2')).toBe('AFTER');
    expect((await same('snapshot-revert g s1; domstate g --reason')).code).toBe(0);
    for (const side of SIDES) expect(diskWord(side, 'g.qcow2')).toBe('BEFORE');
    // The definition is the snapshot's again, saved as the domain's config.
    await same('dumpxml g --inactive');
    await waitBoth('g', TICK_PREFIX, 2);
  }, LONG);

  it('refuses what a running guest cannot snapshot, changing nothing', async () => {
    const refusals = [
      'snapshot-revert g missing',
      'snapshot-create-as g x --disk-only --memspec file=ROOT/mem',
      'snapshot-create-as g x --live',
      'snapshot-create-as g x --quiesce',
      'snapshot-create-as g x --memspec snapshot=no',
      "snapshot-create-as g x --diskspec vda,snapshot=no",
      'snapshot-create-as g x --diskspec vda,snapshot=external,file=ROOT/o.qcow2',
      'snapshot-create-as g x/y',
      'snapshot-create-as g s1',
      'snapshot-delete g missing',
    ];
    // Each after a step that takes a job: a refusal as the first thing in a new real virsh
    // process can race libvirt's background takeover of the running guest.
    for (const r of refusals) expect((await same(`suspend g; resume g; ${r}`)).code, r).toBe(1);
    await same('snapshot-list g --name; domstate g --reason');
    expect(sameImage('g.qcow2')).toEqual(['s1 +vm']);
    sameMetadata('g');
  }, LONG);

  it('--halt stops the guest once the snapshot is taken (shut off (from snapshot))', async () => {
    expect((await same('snapshot-create-as g s2 --halt; domstate g --reason; snapshot-list g --tree')).code).toBe(0);
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
    expect(sameImage('g.qcow2')).toEqual(['s1 +vm', 's2 +vm']);
    sameMetadata('g');
  }, LONG);

  it('an offline snapshot, then reverts between running and shut-off states', async () => {
    await same('snapshot-create-as g off1; snapshot-info g off1');
    // Shut off → paused, paused → running (both start a new QEMU), running → shut off.
    await same('snapshot-revert g s2 --paused; domstate g --reason');
    // A later process finds it paused (from snapshot); a paused guest's snapshot is 'paused'.
    await same('domstate g --reason; snapshot-create-as g p1; domstate g --reason; snapshot-info g p1');
    await same('snapshot-revert g s1 --running; domstate g --reason');
    await same('snapshot-revert g p1; domstate g --reason');
    await same('snapshot-revert g off1; domstate g --reason; snapshot-current g --name');
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
    sameMetadata('g');
  }, LONG);

  it('deletes a running guest’s internal snapshots through QEMU, or only their metadata', async () => {
    expect((await same('start g; snapshot-delete g s2; snapshot-list g --tree')).code).toBe(0);
    expect(sameImage('g.qcow2')).toEqual(['s1 +vm', 'off1', 'p1 +vm']);
    expect((await same('snapshot-delete g s1 --metadata; snapshot-list g --name')).code).toBe(0);
    expect(sameImage('g.qcow2')).toEqual(['s1 +vm', 'off1', 'p1 +vm']);
    sameMetadata('g');
    await same('suspend g; destroy g');
  }, LONG);

  it('a revert whose state the image no longer holds fails: the new QEMU goes (shut off (failed))', async () => {
    for (const side of SIDES) execFileSync('qemu-img', ['snapshot', '-d', 'p1', join(pair.roots[side], 'g.qcow2')]);
    expect((await same('snapshot-revert g p1; domstate g --reason; snapshot-current g --name')).code).toBe(0);
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
    sameMetadata('g');
  }, LONG);
});

describe('running guests whose snapshots are refused or go away', () => {
  it('a raw disk takes no internal snapshot; a guest without an agent no quiesced one', async () => {
    await writeGuest('r', { disk: { path: 'ROOT/r.raw', format: 'raw' } });
    expect((await same('define ROOT/r.xml; start r')).code).toBe(0);
    for (const r of ['snapshot-create-as r x', 'snapshot-create-as r x --disk-only --quiesce', 'snapshot-create-as r x --no-metadata']) {
      expect((await same(`suspend r; resume r; ${r}`)).code, r).toBe(1);
    }
    await same('snapshot-list r; domstate r --reason');
    expect(sameMetadata('r')).toBeUndefined();
  }, LONG);

  it('a disk-only snapshot moves the running guest onto a qcow2 overlay of its raw image', async () => {
    const refusals = [
      'snapshot-create-as r x --disk-only --diskspec vda,snapshot=internal',
      'snapshot-create-as r x --disk-only --diskspec vda,file=ROOT/busy.img',
      'snapshot-create-as r x --disk-only --reuse-external --diskspec vda,file=ROOT/none.qcow2',
      'snapshot-create-as r x --disk-only --diskspec vda,snapshot=external,driver=raw',
    ];
    for (const r of refusals) expect((await same(`suspend r; resume r; ${r}`)).code, r).toBe(1);
    expect(existsSync(join(pair.roots.ts, 'r.x'))).toBe(false);
    // (domblklist's column width would follow each root's path length: dumpxml shows the same.)
    const step = 'snapshot-create-as r ext1 --disk-only; domstate r --reason; dumpxml r; dumpxml r --inactive';
    expect((await same(step)).code).toBe(0);
    await same('snapshot-dumpxml r ext1; snapshot-list r --tree');
    sameMetadata('r');
    const chain = (side: Side) =>
      maskText(execFileSync('qemu-img', ['info', '-U', '--backing-chain', join(pair.roots[side], 'r.ext1')], { encoding: 'utf8' }), pair.roots[side])
        .split('\n')
        .filter((l) => /^(image|file format|backing file)/.test(l));
    expect(chain('ts')).toEqual(chain('real'));
    // An external snapshot is not reverted to (libvirt 9.0).
    expect((await same('snapshot-revert r ext1')).code).toBe(1);
    // A full system snapshot: the memory as a save image (the guest paused meanwhile), the
    // disk onto another overlay, the guest running on.
    const full = 'snapshot-create-as r m1 --memspec file=ROOT/r.mem --diskspec vda,file=ROOT/r.m1; domstate r --reason; dumpxml r';
    expect((await same(full)).code).toBe(0);
    expect((await same('snapshot-dumpxml r m1; save-image-dumpxml ROOT/r.mem; snapshot-list r --tree')).code).toBe(0);
    // --live: the state is saved while the guest runs; QEMU pauses it at the end, then it runs on.
    expect((await same('snapshot-create-as r l1 --live --memspec file=ROOT/r.l1.mem --diskspec vda,file=ROOT/r.l1; domstate r --reason')).code).toBe(0);
    sameMetadata('r');
    expect((await same('snapshot-create-as r ext2 --disk-only --halt; domstate r --reason; dumpxml r --inactive')).code).toBe(0);
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
    await same('undefine r --snapshots-metadata');
  }, LONG);

  it('a transient guest refuses --halt, and its snapshot metadata goes when it stops', async () => {
    await writeGuest('t', { disk: { path: 'ROOT/t.qcow2', format: 'qcow2' } });
    // A snapshot in the process that started the guest: the DAC label it generated is left
    // out of the captured domain (an implicit label), unlike one read back by a later process.
    expect((await same('create ROOT/t.xml; snapshot-create-as t early; snapshot-dumpxml t early')).code).toBe(0);
    await waitBoth('t', READY_MARKER);
    expect((await same('snapshot-create-as t h --halt')).code).toBe(1);
    expect((await same('snapshot-create-as t s; snapshot-list t --name; snapshot-dumpxml t s')).code).toBe(0);
    expect(Object.keys(sameMetadata('t') ?? {})).toEqual(['early.xml', 's.xml']);
    await same('suspend t; destroy t; list --all');
    expect(sameMetadata('t')).toBeUndefined();
    expect(sameImage('t.qcow2')).toEqual(['early +vm', 's +vm']);
  }, LONG);
});
