// Snapshots of shut-off domains on qemu:///embed (internal qcow2 snapshots made with qemu-img,
// metadata under ROOT/lib/qemu/snapshot/DOMAIN/NAME.xml) against real virsh 9.0, live in the
// same run, each on a private root holding its own copies of the disk images. The same
// commands go to both (`@` in a command stands for the root); masked are the root itself,
// creation times (the clock) and generated UUIDs/MACs. Every virsh call is a new process,
// so each step also reads back the metadata the previous one wrote.
// Real virsh runs with /dev/kvm hidden (nokvm.sh) so libvirt keeps its QEMU probe cached.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedRoot, fixtures, maskText, repo, runBin, type Result } from './embed.js';
import { maskRun } from './guest-pair.js';

const FIX = join(fixtures, 'snapshot');
const NOKVM = join(fixtures, 'argv', 'nokvm.sh');
const PROBE_TIMEOUT = 300_000;

const roots = { real: '', ts: '' };
type Side = keyof typeof roots;
const SIDES: Side[] = ['real', 'ts'];

/** Creation times are the clock's: the list column and the XML element. */
const maskTimes = (s: string) =>
  s
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}/g, 'TIME').replace(/<creationTime>\d+<\/creationTime>/g, '<creationTime>T</creationTime>');

/** The guest runs' masks (log lines' time and pid, ids, ptys), then creation times. */
function mask(r: Result, root: string): Result {
  const m = maskRun(r, root);
  return { stdout: maskTimes(m.stdout), stderr: maskTimes(m.stderr), code: m.code };
}

/** One side's unmasked result (`@` in the command line is its root). */
function runRaw(side: Side, cmds: string): Promise<Result> {
  const root = roots[side];
  const uri = `qemu:///embed?root=${root}`;
  const line = cmds.replaceAll('@', root);
  return side === 'real'
    ? runBin('unshare', ['-m', NOKVM, 'virsh', '-c', uri, line], root)
    : runBin(join(repo, 'bin', 'virsh-ts'), ['-c', uri, line], root);
}

const runSide = (side: Side, cmds: string): Promise<Result> => runRaw(side, cmds).then((r) => mask(r, roots[side]));

/** The same command line on both roots; virsh-ts must match real virsh. */
async function same(cmds: string): Promise<Result> {
  const [real, ts] = await Promise.all(SIDES.map((s) => runSide(s, cmds)));
  expect(ts).toEqual(real);
  return real;
}

const snapDir = (side: Side, dom: string) => join(roots[side], 'lib', 'qemu', 'snapshot', dom);

/** Each metadata file's masked content, by file name. */
function metadata(side: Side, dom: string): Record<string, string> {
  const dir = snapDir(side, dom);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, maskTimes(maskText(readFileSync(join(dir, f), 'utf8'), roots[side]))]));
}

function sameMetadata(dom: string): Record<string, string> {
  const real = metadata('real', dom);
  expect(metadata('ts', dom)).toEqual(real);
  return real;
}

/** The internal snapshots qemu-img sees in an image (names only). */
function qcowSnapshots(side: Side, image: string): string[] {
  const out = execFileSync('qemu-img', ['snapshot', '-l', join(roots[side], image)], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[1]);
}

function sameQcow(image: string): string[] {
  const real = qcowSnapshots('real', image);
  expect(qcowSnapshots('ts', image)).toEqual(real);
  return real;
}

/** A command line on both sides, then snapq's metadata and image snapshots compared. */
async function step(cmds: string): Promise<Result> {
  const r = await same(cmds);
  sameMetadata('snapq');
  sameQcow('disk.qcow2');
  return r;
}

const qemuIo = (side: Side, image: string, cmd: string) =>
  execFileSync('qemu-io', ['-c', cmd, join(roots[side], image)], { encoding: 'utf8' });

/** Fixtures copied into a root, ROOT in them standing for the root's path. */
function installFixtures(root: string): void {
  // Guests started by a revert: QEMU's output to a plain file (no virtlogd here), no private
  // /dev namespace (real virsh runs in a mount namespace of its own).
  appendFileSync(join(root, 'etc', 'qemu.conf'), 'stdio_handler = "file"\nnamespaces = []\n');
  for (const f of readdirSync(FIX)) writeFileSync(join(root, f), readFileSync(join(FIX, f), 'utf8').replaceAll('ROOT', root));
  for (const img of ['disk.qcow2', 'a.qcow2', 'ext.qcow2']) execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', join(root, img), '16M']);
  execFileSync('qemu-img', ['create', '-q', '-f', 'raw', join(root, 'disk.raw'), '1M']);
}

beforeAll(() => {
  roots.real = embedRoot('qemu-snap-real-');
  roots.ts = embedRoot('qemu-snap-ts-');
  for (const s of SIDES) installFixtures(roots[s]);
});
afterAll(() => {
  for (const s of SIDES) if (roots[s]) rmSync(roots[s], { recursive: true, force: true });
});

describe('snapshot-create on a shut-off qcow2 domain', () => {
  it('defines the domains', async () => {
    expect((await same('define @/qcow.xml; define @/raw.xml; define @/missing.xml; define @/two-disks.xml; define @/ext.xml')).code).toBe(0);
  }, PROBE_TIMEOUT);

  it('creates internal snapshots: output, metadata files and the qcow2 snapshot table', async () => {
    qemuIo('real', 'disk.qcow2', 'write -P 0x41 0 4k');
    qemuIo('ts', 'disk.qcow2', 'write -P 0x41 0 4k');
    expect((await same('snapshot-create-as snapq first --description "before the overwrite"; snapshot-create-as snapq second')).code).toBe(0);
    expect((await same('snapshot-create snapq @/described.xml')).code).toBe(0);
    expect(Object.keys(sameMetadata('snapq'))).toEqual(['described.xml', 'first.xml', 'second.xml']);
    expect(sameQcow('disk.qcow2')).toEqual(['first', 'second', 'described']);
    for (const f of readdirSync(snapDir('ts', 'snapq'))) expect(statSync(join(snapDir('ts', 'snapq'), f)).mode & 0o777).toBe(0o600);
  });

  it('--no-metadata snapshots the image but keeps no metadata; --print-xml only prints', async () => {
    await step('snapshot-create-as snapq loose --no-metadata; snapshot-create-as snapq --print-xml printed --description d');
    expect(sameQcow('disk.qcow2')).toContain('loose');
  });

  it('the query commands, in one process', async () => {
    const queries = [
      ...['', '--parent', '--tree', '--name', '--roots', '--leaves', '--no-leaves', '--current', '--inactive', '--active', '--disk-only'].map((f) => `snapshot-list snapq ${f}`),
      ...['--internal --name', '--external', '--metadata --name', '--no-metadata', '--topological --name'].map((f) => `snapshot-list snapq ${f}`),
      ...['--from first', '--from first --descendants --name', '--from second --tree'].map((f) => `snapshot-list snapq ${f}`),
      'snapshot-info snapq first; snapshot-info snapq --current; snapshot-current snapq --name; snapshot-parent snapq second; snapshot-parent snapq --current',
      'snapshot-dumpxml snapq first; snapshot-dumpxml snapq described --security-info; snapshot-current snapq',
      'list --all --with-snapshot; list --all --without-snapshot --name',
    ];
    expect((await same(queries.join('; '))).code).toBe(0);
  });
});

describe('snapshot-revert', () => {
  it('brings back the disk content written before the snapshot', async () => {
    for (const s of SIDES) qemuIo(s, 'disk.qcow2', 'write -P 0x42 0 4k');
    expect((await same('snapshot-revert snapq first; snapshot-current snapq --name')).code).toBe(0);
    for (const s of SIDES) {
      expect(qemuIo(s, 'disk.qcow2', 'read -P 0x41 0 4k')).toMatch(/^read 4096\/4096 bytes/);
    }
    sameMetadata('snapq');
    const cfg = (s: Side) => maskText(readFileSync(join(roots[s], 'etc', 'qemu', 'snapq.xml'), 'utf8'), roots[s]);
    expect(cfg('ts')).toBe(cfg('real'));
  });

  it('--paused and --running start the reverted domain', async () => {
    await same('snapshot-revert snapq first --paused; domstate snapq --reason; snapshot-current snapq --name; destroy snapq');
    await same('snapshot-revert snapq first --running; domstate snapq --reason; destroy snapq; domstate snapq --reason');
    for (const s of SIDES) expect(qemuIo(s, 'disk.qcow2', 'read -P 0x41 0 4k')).toMatch(/^read 4096\/4096 bytes/);
    sameMetadata('snapq');
  });

  it('a snapshot taken after the revert branches off the reverted one', async () => {
    await step('snapshot-create-as snapq branch; snapshot-list snapq --tree; snapshot-list snapq --parent');
  });
});

describe('bad input leaves nothing half-made', () => {
  const unchanged = async (cmds: string) => {
    const before = { meta: metadata('real', 'snapq'), qcow: qcowSnapshots('real', 'disk.qcow2') };
    const r = await same(cmds);
    expect(r.code).toBe(1);
    expect(sameMetadata('snapq')).toEqual(before.meta);
    expect(sameQcow('disk.qcow2')).toEqual(before.qcow);
  };

  /** Bad input by theme: each command fails on both sides and changes nothing. */
  const BAD: Record<string, string[]> = {
    'create: duplicate name, bad names, malformed or unsatisfiable XML, flag misuse': [
      'snapshot-create-as snapq first',
      "snapshot-create-as snapq 'a/b'",
      'snapshot-create-as snapq .hidden',
      'snapshot-create snapq @/malformed.xml',
      'snapshot-create snapq @/memory-internal.xml',
      'snapshot-create snapq @/unknown-disk.xml',
      'snapshot-create snapq @/disk-excluded.xml',
      'snapshot-create snapq @/disk-twice.xml',
      'snapshot-create snapq @/described.xml --current',
      'snapshot-create-as snapq q --quiesce',
      'snapshot-create-as snapq q --live',
      'snapshot-create-as snapq q --halt --current',
      'snapshot-create-as nosuchdomain q',
      'snapshot-create snapq @/nosuchfile.xml',
      'snapshot-create-as snapq q --no-such-option',
      'snapshot-create snapq @/unknown-element.xml --validate',
      'snapshot-create snapq @/malformed.xml --validate',
      'snapshot-list snapq --roots --from first',
    ],
    'redefine: missing creation time, unknown parent, foreign uuid, bad state, flag conflicts': [
      'snapshot-create snapq @/no-creation-time.xml --redefine',
      'snapshot-create snapq @/orphan.xml --redefine',
      'snapshot-create snapq @/other-uuid.xml --redefine',
      'snapshot-create snapq @/bad-state.xml --redefine',
      'snapshot-create snapq @/described.xml --redefine --no-metadata',
      'snapshot-create snapq @/described.xml --redefine --disk-only',
    ],
    'unknown snapshots for every snapshot command': [
      'snapshot-revert snapq nosuch',
      'snapshot-delete snapq nosuch',
      'snapshot-info snapq nosuch',
      'snapshot-dumpxml snapq nosuch',
      'snapshot-parent snapq nosuch',
      'snapshot-parent snapq first',
      'snapshot-list snapq --from nosuch',
      'snapshot-current snapq nosuch',
      'snapshot-revert snapq',
      'snapshot-delete snapq',
      'snapshot-revert snapq first --running --paused',
      'snapshot-delete snapq first --children --children-only',
    ],
  };
  for (const [title, cmds] of Object.entries(BAD)) {
    it(title, async () => {
      for (const cmd of cmds) await unchanged(cmd);
    });
  }

  it('a raw disk refuses internal snapshots; a missing image fails in qemu-img', async () => {
    expect((await same('snapshot-create-as snapraw x')).code).toBe(1);
    expect((await same('snapshot-create-as snapgone x')).code).toBe(1);
    await same('snapshot-list snapraw; snapshot-list snapgone; snapshot-current snapgone');
    expect(sameMetadata('snapraw')).toEqual({});
    expect(sameMetadata('snapgone')).toEqual({});
  });

  it('a failure on the second disk rolls back the first', async () => {
    expect((await same('snapshot-create-as snap2 both')).code).toBe(1);
    expect(sameQcow('a.qcow2')).toEqual([]);
    expect(sameMetadata('snap2')).toEqual({});
  });

  it('undefine refuses while snapshots exist', async () => {
    await unchanged('undefine snapq');
    await same('list --all --name --with-snapshot');
  });
});

describe('redefine and delete', () => {
  it('delete --metadata keeps the image snapshot; --redefine brings the metadata back', async () => {
    // Each side redefines from its own dump (real creation time, its own paths).
    for (const s of SIDES) writeFileSync(join(roots[s], 'second.dump.xml'), (await runRaw(s, 'snapshot-dumpxml snapq second')).stdout);
    await same('snapshot-delete snapq second --metadata; snapshot-list snapq --name');
    expect(sameQcow('disk.qcow2')).toContain('second');
    expect((await same('snapshot-create snapq @/second.dump.xml --redefine; snapshot-current snapq --name; snapshot-list snapq --parent')).code).toBe(0);
    expect((await same('snapshot-create snapq @/second.dump.xml --redefine --current; snapshot-current snapq --name')).code).toBe(0);
    sameMetadata('snapq');
  });

  it('delete reparents the children and moves "current" to the parent', async () => {
    await same('snapshot-revert snapq second; snapshot-create-as snapq third; snapshot-create-as snapq fourth; snapshot-revert snapq third');
    await step('snapshot-delete snapq third; snapshot-list snapq --parent; snapshot-current snapq --name');
  });

  it('--children-only and --children', async () => {
    await step('snapshot-delete snapq second --children-only; snapshot-list snapq --tree; snapshot-current snapq --name');
    // libvirt 9.0 walks the descendants while deleting them; a deleted child whose own
    // children move up ahead of a sibling makes it visit freed snapshots (and crash at
    // random), so each --children here removes a chain or leaves only.
    await step('snapshot-list snapq --tree; snapshot-delete snapq branch --children; snapshot-list snapq --tree; snapshot-current snapq --name');
    await step('snapshot-delete snapq first --children; snapshot-list snapq --name; snapshot-current snapq');
  });

  it('a snapshot redefined without its domain: libvirt warns at each load and refuses to revert to it', async () => {
    await step('snapshot-create snapq @/old-style.xml --redefine; snapshot-dumpxml snapq old; snapshot-info snapq old');
    expect((await same('list --all --name; snapshot-revert snapq old')).code).toBe(1);
    await step('snapshot-delete snapq old; snapshot-list snapq --name');
  });

  it('domrename writes the metadata under the new name and drops the old directory', async () => {
    await same('domrename snapq snapren; snapshot-list snapren --parent; snapshot-current snapren --name; list --all --name --with-snapshot');
    sameMetadata('snapren');
    for (const s of SIDES) expect(existsSync(snapDir(s, 'snapq'))).toBe(false);
    await step('domrename snapren snapq; snapshot-list snapq --name');
  });

  it('undefine --snapshots-metadata drops the metadata and its directory, not the image snapshots', async () => {
    await same('snapshot-create-as snapq last; undefine snapq --snapshots-metadata; list --all --name');
    for (const s of SIDES) expect(existsSync(snapDir(s, 'snapq'))).toBe(false);
    expect(sameQcow('disk.qcow2')).toContain('last');
  });
});

describe('disk-only (external) snapshots of a shut-off domain', () => {
  const config = (s: Side, dom: string) => maskText(readFileSync(join(roots[s], 'etc', 'qemu', `${dom}.xml`), 'utf8'), roots[s]);
  const backing = (s: Side, image: string) =>
    maskText(execFileSync('qemu-img', ['info', '-U', join(roots[s], image)], { encoding: 'utf8' }).match(/^backing file.*$/gm)?.join('\n') ?? '', roots[s]);

  it('an overlay per disk, named after the snapshot or given by --diskspec; the config moves to it', async () => {
    await same('snapshot-create-as snapext base; snapshot-create-as snapext ov1 --disk-only');
    await same('snapshot-create-as snapext ov2 --disk-only --diskspec vda,file=@/ov2.qcow2; snapshot-create-as snapext ov3 --disk-only --no-metadata');
    await same('snapshot-list snapext --tree; snapshot-list snapext --external; snapshot-list snapext --internal; snapshot-info snapext ov1; snapshot-dumpxml snapext ov2');
    expect(config('ts', 'snapext')).toBe(config('real', 'snapext'));
    for (const image of ['ext.ov1', 'ov2.qcow2', 'ov2.ov3']) expect(backing('ts', image)).toBe(backing('real', image));
    sameMetadata('snapext');
  });

  it('refusals: existing target, missing --reuse-external target, raw overlay, revert, delete, mixed --children', async () => {
    const before = () => ({ meta: metadata('real', 'snapext'), cfg: config('real', 'snapext') });
    const was = before();
    for (const cmd of [
      'snapshot-create-as snapext x --disk-only --diskspec vda,file=@/disk.raw',
      'snapshot-create-as snapext x --disk-only --reuse-external --diskspec vda,file=@/nosuch.qcow2',
      'snapshot-create-as snapext x --disk-only --diskspec vda,file=@/x.raw,driver=raw',
      'snapshot-create-as snapext x --disk-only --diskspec vda,snapshot=no',
      'snapshot-revert snapext ov1',
      'snapshot-delete snapext ov1',
      'snapshot-delete snapext ov2',
      'snapshot-delete snapext base --children',
      'snapshot-delete snapext base --children-only',
      'snapshot-delete snapext ov1 --children',
    ]) {
      expect((await same(cmd)).code).toBe(1);
    }
    expect(sameMetadata('snapext')).toEqual(was.meta);
    expect(config('ts', 'snapext')).toBe(was.cfg);
    for (const s of SIDES) expect(existsSync(join(roots[s], 'x.raw'))).toBe(false);
  });

  it('delete --metadata forgets an external snapshot', async () => {
    await same('snapshot-delete snapext ov2 --metadata; snapshot-list snapext --tree; snapshot-current snapext --name');
    sameMetadata('snapext');
  });
});
