// `console DOM` on the QEMU driver in real terminals (tmux), against real virsh 9.0 on
// libvirt's embedded driver, same XML, same keys, in one run: the banner, the guest's serial
// output, keys typed reaching the guest, ^] (or -e's escape) giving the shell back with the
// guest still running, the refusals (no pty, unknown device, a pty another process holds),
// the REPL, and the console as a stream through virtd-ts for real virsh and virsh-ts clients.
//
// Real virsh also prints polkit's "Authorization not available…" on stderr whenever standard
// input is a terminal, for any command (virsh-ts's shell does not yet): stderr is compared
// without that one line.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Terminal } from '../repl/tmux.js';
import { lockFilePath } from '../../src/core/drivers/qemu/console/lock.js';
import { startVirtd, type Virtd } from '../daemon/virtd.js';
import { fixtures, repo } from './embed.js';
import { dropLeakWarning, GuestPair, type Side } from './guest-pair.js';
import { guestDomainXml, PTY_CONSOLE, tinyGuest, writeQemuConf } from './tiny-guest.js';

const LONG = 300_000;
const SIDES = ['real', 'ts'] as const;
let pair: GuestPair;
const terminals: Terminal[] = [];

/** The tiny guest with its serial port (and console) on a pty. */
const ptyGuestXML = async (name: string) => guestDomainXml(name, await tinyGuest(), { devices: PTY_CONSOLE });

beforeAll(async () => {
  pair = new GuestPair();
  const xml = await ptyGuestXML('g');
  for (const side of SIDES) writeFileSync(join(pair.roots[side], 'g.xml'), xml);
  // f: a serial line to a file only; h: never started.
  await pair.writeGuest('f');
  await pair.writeGuest('h');
  await pair.same('define ROOT/g.xml; define ROOT/f.xml; define ROOT/h.xml; start g; start f');
}, LONG);
afterAll(() => {
  for (const t of terminals) t.close();
  pair?.remove();
});

/** One side's virsh command line for a shell in a terminal (real virsh keeps its QEMU probe). */
function virshLine(side: Side, uri: string, args: string): string {
  const bin = side === 'real' ? `unshare -m ${join(fixtures, 'argv', 'nokvm.sh')} virsh` : join(repo, 'bin', 'virsh-ts');
  return `${bin} -c '${uri}' ${args}`;
}

/**
 * Runs `args` in a fresh terminal with stderr to a file; the pane then prints rc=N and
 * stays. Returns the terminal and a reader for stderr (polkit's line dropped, see above).
 */
function inTerminal(side: Side, uri: string, args: string, errFile: string) {
  const t = new Terminal({ LANG: 'C', PATH: process.env.PATH ?? '' });
  terminals.push(t);
  t.start(`bash --norc --noprofile -c "${virshLine(side, uri, args).replaceAll('"', '\\"')} 2>${errFile}; echo rc=\\$?; sleep 600"`);
  const stderr = () =>
    readFileSync(errFile, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('Authorization not available.'))
      .join('\n');
  return { t, stderr };
}

const TICK = /^VIRSH-TS-GUEST TICK \d+$/;
const lines = (screen: string) => screen.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

/**
 * The screen with everything the guest printed (ticks, its shell, keys it echoed) between the
 * banner and the shell's rc= line reduced to one marker: how much arrives varies run to run.
 */
function shape(screen: string): string[] {
  const ls = lines(screen);
  const start = ls.findIndex((l) => l.startsWith('Escape character is')) + 1;
  const end = ls.findIndex((l, i) => i >= start && /^rc=\d+$/.test(l));
  if (start === 0 || end < 0) return ls;
  return [...ls.slice(0, start), ...(end > start ? ['<guest output>'] : []), ...ls.slice(end)];
}

let errCount = 0;
const errFile = (side: Side) => join(pair.roots[side], `console-${errCount++}.err`);

/**
 * Real virsh now and then dies of SIGSEGV as it exits while libvirt's background takeover of
 * the running guest (embed driver) is still going; such a real run is repeated, twice at most.
 */
const crashed = (side: Side, screen: string) => side === 'real' && /^rc=139$/m.test(screen);

async function retryCrash<T extends { screen: string }>(side: Side, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const r = await run();
    if (!crashed(side, r.screen) || attempt === 3) return r;
  }
}

/** ttyconsole on one side, real virsh repeated if it crashed (see crashed()). */
function ttyconsole(side: Side): string {
  const bin = side === 'real' ? 'virsh' : join(repo, 'bin', 'virsh-ts');
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync(bin, ['-c', embed(side), 'ttyconsole g'], { encoding: 'utf8' }).trim();
    } catch (e) {
      if (side === 'ts' || attempt === 3) throw e;
    }
  }
}

/** One console session in a terminal: waits for the guest's ticks, types `typed`, then the exit key. */
function session(side: Side, uri: string, args: string, exitKey: string, typed?: string) {
  return retryCrash(side, () => sessionOnce(side, uri, args, exitKey, typed));
}

async function sessionOnce(side: Side, uri: string, args: string, exitKey: string, typed?: string) {
  const { t, stderr } = inTerminal(side, uri, args, errFile(side));
  await t.waitFor((s) => lines(s).some((l) => TICK.test(l)), 'the guest’s ticks', 120_000);
  if (typed) {
    t.type(`echo ${typed}`);
    t.keys(['Enter']);
    await t.waitFor((s) => lines(s).includes(typed), `the guest's echo of ${typed}`, 60_000);
  }
  t.keys([exitKey]);
  const screen = await t.waitFor((s) => /^rc=\d+$/m.test(s), 'the shell back');
  return { screen, shape: shape(screen), stderr: stderr() };
}

/**
 * The same session on both sides (concurrently, or one after the other where both attach to
 * one guest), compared.
 */
async function sessionBoth(uriOf: (s: Side) => string, args: string, opts: { exitKey?: string; typed?: string; sequential?: boolean } = {}) {
  const run = (side: Side) => session(side, uriOf(side), args, opts.exitKey ?? 'C-]', opts.typed);
  const [real, ts] = opts.sequential ? [await run('real'), await run('ts')] : await Promise.all(SIDES.map(run));
  expect(ts.shape).toEqual(real.shape);
  expect(ts.stderr).toBe(dropLeakWarning(real.stderr));
  return { real: real.shape, screens: [real.screen, ts.screen] };
}

const embed = (s: Side) => pair.uri(s);

describe('console on qemu:///embed', () => {
  it('refuses without a terminal, for a shut-off domain and for an unknown one', async () => {
    await pair.same('console g');
    await pair.same('console h');
    await pair.same('console nosuch');
    await pair.same('console');
    await pair.same('console g --devname');
  }, LONG);

  it('attaches a terminal: banner, the guest’s output, ^] gives the shell back, guest still running', async () => {
    const { real } = await sessionBoth(embed, 'console g');
    expect(real.slice(0, 2)).toEqual(["Connected to domain 'g'", 'Escape character is ^] (Ctrl + ])']);
    expect(real).toContain('<guest output>');
    expect(real[real.length - 1]).toBe('rc=0');
    await pair.same('domstate g --reason');
  }, LONG);

  it('keys typed reach the guest (its shell echoes a word back)', async () => {
    await sessionBoth(embed, 'console g --devname serial0', { typed: 'typed-through' });
  }, LONG);

  it('-e changes the escape: the banner names it and that key ends the session', async () => {
    const { real } = await sessionBoth(embed, "-e '^a' console g", { exitKey: 'C-a' });
    expect(real[1]).toBe('Escape character is ^a (Ctrl + a)');
    expect(real[real.length - 1]).toBe('rc=0');
  }, LONG);

  it('refusals in a terminal: a serial line that is no pty, an unknown device name', async () => {
    for (const args of ['console f', 'console f --devname nosuch', 'console g --devname nosuch', 'console g --force --safe --devname parallel0']) {
      const [real, ts] = await Promise.all(
        SIDES.map((side) =>
          retryCrash(side, async () => {
            const { t, stderr } = inTerminal(side, embed(side), args, errFile(side));
            return { screen: await t.waitFor((s) => /^rc=\d+$/m.test(s), `${args} to end`), stderr };
          }),
        ),
      );
      expect(shape(ts.screen)).toEqual(shape(real.screen));
      expect(ts.stderr()).toBe(real.stderr());
      expect(real.stderr()).toMatch(/^error: /m);
    }
  }, LONG);

  it('a pty whose lock file a live process holds is refused, naming file and holder', async () => {
    // libvirt's UUCP lock: /var/lock/LCK.._pts_N holding the pid of a live process (this test's).
    const locks = SIDES.map((side) => lockFilePath(ttyconsole(side)));
    for (const lock of locks) writeFileSync(lock, `${String(process.pid).padStart(10)}\n`);
    try {
      // Real virsh that opens the console while libvirt's takeover thread is still reconnecting
      // to the guest now and then skips the lock, attaches, and dies of SIGSEGV (rc=139) on
      // exit: a crash is no answer to compare, so that side is asked again.
      const refusal = async (side: Side) => {
        for (let attempt = 1; ; attempt++) {
          const run = inTerminal(side, embed(side), 'console g', errFile(side));
          const screen = await run.t.waitFor((s) => /^rc=\d+$/m.test(s), 'the console refused');
          if (side === 'ts' || !/^rc=139$/m.test(screen) || attempt === 3) return { run, screen };
        }
      };
      const outcomes = await Promise.all(SIDES.map(refusal));
      const runs = outcomes.map((o) => o.run);
      const screens = outcomes.map((o) => o.screen);
      expect(shape(screens[1])).toEqual(shape(screens[0]));
      // The two guests' ptys differ.
      const mask = (s: string) => s.replace(/pts\/\d+/g, 'pts/N').replace(/pts_\d+/g, 'pts_N');
      expect(mask(runs[1].stderr())).toBe(mask(runs[0].stderr()));
      expect(runs[0].stderr()).toContain(`held by process ${process.pid}`);
    } finally {
      for (const lock of locks) rmSync(lock, { force: true });
    }
  }, LONG);

  it('in the interactive shell: console, ^], and the prompt is back for the next command', async () => {
    const runs = SIDES.map((side) => {
      const t = new Terminal({ LANG: 'C', PATH: process.env.PATH ?? '' });
      terminals.push(t);
      t.start(`bash --norc --noprofile -c "${virshLine(side, embed(side), '-q')} 2>/dev/null; sleep 600"`);
      return t;
    });
    await Promise.all(runs.map((t) => t.waitFor((s) => lines(s)[lines(s).length - 1] === 'virsh #', 'the prompt', 60_000)));
    for (const t of runs) {
      t.type('console g');
      t.keys(['Enter']);
    }
    await Promise.all(runs.map((t) => t.waitFor((s) => lines(s).some((l) => TICK.test(l)), 'the guest’s ticks', 120_000)));
    for (const t of runs) t.keys(['C-]']);
    for (const t of runs) await t.waitFor((s) => lines(s)[lines(s).length - 1] === 'virsh #', 'the prompt after ^]');
    for (const t of runs) {
      t.type('domstate g');
      t.keys(['Enter']);
    }
    const screens = await Promise.all(runs.map((t) => t.waitFor((s) => lines(s).slice(-2).join('|') === 'running|virsh #', 'domstate')));
    expect(lines(screens[1]).slice(-3)).toEqual(lines(screens[0]).slice(-3));
  }, LONG);
});

describe('console through virtd-ts (qemu:///system as a stream)', () => {
  let virtd: Virtd | undefined;
  afterAll(async () => {
    await virtd?.stop();
  });

  it('real virsh and virsh-ts attach through the daemon; typed keys reach the guest; ^] detaches', async () => {
    virtd = await startVirtd();
    const root = join(virtd.dir, 'qemu');
    writeQemuConf(root, 'system');
    const uri = `qemu+unix:///system?socket=${virtd.socket}`;
    writeFileSync(join(virtd.dir, 'g.xml'), await ptyGuestXML('g'));
    const tsBin = join(repo, 'bin', 'virsh-ts');
    execFileSync(tsBin, ['-c', uri, `define ${join(virtd.dir, 'g.xml')}; start g`]);
    // One client after the other on the same guest: real virsh as the reference client.
    const { real, screens } = await sessionBoth(() => uri, 'console g', { typed: 'through-daemon', sequential: true });
    expect(real.slice(0, 2)).toEqual(["Connected to domain 'g'", 'Escape character is ^] (Ctrl + ])']);
    expect(screens.every((s) => /^rc=0$/m.test(s))).toBe(true);
    const after = SIDES.map((s) => execFileSync(s === 'real' ? 'virsh' : tsBin, ['-c', uri, 'domstate g'], { encoding: 'utf8' }));
    expect(after[1]).toBe(after[0]);

    // One daemon, one console per pty: a second client is refused unless it forces its way
    // in, which ends the first client's session.
    const holder = inTerminal('real', uri, 'console g', join(virtd.dir, 'holder.err'));
    await holder.t.waitFor((s) => lines(s).some((l) => TICK.test(l)), 'the first client attached', 120_000);
    const refused = SIDES.map((side) => inTerminal(side, uri, 'console g', errFile(side)));
    const screensRefused = await Promise.all(refused.map(({ t }) => t.waitFor((s) => /^rc=\d+$/m.test(s), 'the second client refused')));
    expect(shape(screensRefused[1])).toEqual(shape(screensRefused[0]));
    expect(refused[1].stderr()).toBe(refused[0].stderr());
    expect(refused[0].stderr()).toContain('Active console session exists for this domain');
    const forced = await session('ts', uri, 'console g --force', 'C-]');
    expect(forced.shape[forced.shape.length - 1]).toBe('rc=0');
    await holder.t.waitFor((s) => /^rc=\d+$/m.test(s), 'the first client to be cut off');
    execFileSync(tsBin, ['-c', uri, 'destroy g']);
  }, LONG);
});
