// Domain events from the QEMU driver against real virsh 9.0 on libvirt's embedded driver, same
// XML, same steps, in one run. libvirt's embed driver tells only the process that holds the
// guest's monitor, so each comparison is one virsh process that causes or watches a change and
// then waits in `event --all --loop`: events the guest makes (ACPI power-off, reboot) or QEMU's
// death reach that process on both sides. Events of API calls made before the wait (define,
// start, suspend…) are delivered before `event` registers on real virsh; those are watched
// through virtd-ts serving qemu:///system, where real virsh and virsh-ts, both waiting as
// clients while another client drives the guest, must print the same events.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_MARKER } from '../helpers/guest.js';
import { fixtures, repo } from './embed.js';
import { GuestPair, maskRun, type Side } from './guest-pair.js';
import { killQemusUnder, waitUntil, writeQemuConf } from './tiny-guest.js';
import type { Result } from './embed.js';
import { startVirtd, type Virtd } from '../daemon/virtd.js';

let pair: GuestPair;
const LONG = 300_000;

beforeAll(async () => {
  pair = new GuestPair();
  await pair.writeGuest('g');
}, LONG);
afterAll(() => pair?.remove());

/** Starts the guest on both sides and waits for it to boot (QEMU truncates the serial file). */
async function startedBoth(): Promise<void> {
  await pair.same('start', 'g');
  await Promise.all([pair.waitSerial('real', 'g', READY_MARKER), pair.waitSerial('ts', 'g', READY_MARKER)]);
}

/**
 * One side's virsh running `commands` (`;`-separated) as a child whose output is watched:
 * `seen(text)` resolves once stdout shows it, `done` with the whole masked result.
 */
function watch(side: Side, commands: string) {
  const [bin, args] = pair.command(side, commands);
  const child = spawn(bin, args, { cwd: fixtures, env: { ...process.env, LANG: 'C' } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d) => {
    stdout += d;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<ReturnType<typeof maskRun>>((resolve) =>
    child.on('close', (code) => resolve(maskRun({ stdout, stderr, code: code ?? -1 }, pair.roots[side]))),
  );
  const seen = async (text: string) => {
    while (!stdout.includes(text)) await new Promise<void>((r) => waiters.push(r));
  };
  return { seen, done };
}

describe('qemu:///embed domain events', () => {
  it('an ACPI power-off: shutdown finished after guest request, then stopped', async () => {
    await pair.same('define', 'ROOT/g.xml');
    await startedBoth();
    const r = await pair.same('shutdown g; event --all --loop --timeout 20');
    expect(r.stdout).toContain('Stopped Shutdown');
  }, LONG);

  it('an ACPI reboot: reboot events, the guest keeps running', async () => {
    await startedBoth();
    // Each machine reset is a reboot event, and the rebooting guest's firmware and kernel reset
    // it a varying number of times (real virsh saw one to three in as many runs): the lines
    // are compared as a set, the count line without its number.
    const { real, ts } = await pair.both('reboot g; event --all --loop --timeout 20');
    const distinct = (r: Result) => ({ ...r, stdout: [...new Set(r.stdout.replace(/^events received: \d+$/m, 'events received: N').split('\n'))] });
    expect(distinct(ts)).toEqual(distinct(real));
    expect(real.stdout).toContain("event 'reboot'");
    await pair.same('domstate', 'g', '--reason');
  }, LONG);

  it('QEMU killed from outside: the watching process sees the guest stop (failed)', async () => {
    await Promise.all([pair.waitSerial('real', 'g', READY_MARKER, 2), pair.waitSerial('ts', 'g', READY_MARKER, 2)]);
    const sides = (['real', 'ts'] as const).map((s) => ({ side: s, w: watch(s, 'echo watching; event --all --loop --timeout 30') }));
    // `event` registers right behind the echo; the kill comes once both have printed it.
    await Promise.all(sides.map(({ w }) => w.seen('watching')));
    await new Promise((r) => setTimeout(r, 2000));
    killQemusUnder(Object.values(pair.roots));
    const [real, ts] = await Promise.all(sides.map(({ w }) => w.done));
    expect(ts).toEqual(real);
    expect(real.stdout).toContain('Stopped Failed');
    await pair.same('domstate', 'g', '--reason');
  }, LONG);

  it('bad input: unknown event names and options, as virsh refuses them', async () => {
    await pair.same('event --event bogus');
    await pair.same('event --all --event lifecycle');
    await pair.same('event --domain nosuch --all --timeout 1');
    await pair.same('event --all --timeout 0');
  }, LONG);
});

describe('qemu:///system events through virtd-ts', () => {
  let virtd: Virtd | undefined;
  afterAll(async () => {
    await virtd?.stop();
  });

  it('every client waiting in event --all --loop sees the lifecycle of another client’s calls', async () => {
    virtd = await startVirtd();
    const root = join(virtd.dir, 'qemu');
    writeQemuConf(root, 'system');
    const uri = `qemu+unix:///system?socket=${virtd.socket}`;
    const tsBin = join(repo, 'bin', 'virsh-ts');
    const watchers = (['real', 'ts'] as const).map((side) => {
      const child = spawn(side === 'real' ? 'virsh' : tsBin, ['-c', uri, 'echo watching; event --all --loop --timeout 60'], { env: { ...process.env, LANG: 'C' } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      return { side, out: () => out, done: new Promise<void>((r) => child.on('close', () => r())) };
    });
    await waitUntil(() => watchers.every((w) => w.out().includes('watching')), LONG, 100, () => 'the watchers never started');
    await new Promise((r) => setTimeout(r, 1000));
    const xml = join(pair.roots.ts, 'g.xml');
    const steps = `define ${xml}; define ${xml}; start g; suspend g; resume g; reset g; destroy g; start g --paused; resume g; desc g --config --title --new-desc hello; undefine g; destroy g`;
    execFileSync(tsBin, ['-c', uri, steps], { env: { ...process.env, LANG: 'C' } });
    await Promise.all(watchers.map((w) => w.done));
    const [real, ts] = watchers.map((w) => w.out());
    expect(ts).toBe(real);
    expect(real).toContain('Stopped Destroyed');
    expect(real).toContain("event 'metadata-change'");
  }, LONG);
});
