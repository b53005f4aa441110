// virtd-ts serving the QEMU driver as qemu:///system with a real guest: real virsh 9.0 and
// virsh-ts start, suspend, resume, shut down and destroy it through the daemon, and print what
// real virsh prints against a real libvirtd 9.0 serving its own qemu:///system on the same XML,
// in the same run. Then the daemon's own duties: a guest outlives `kill -9` of virtd-ts and a
// restarted daemon takes it over; autostart domains start on the first daemon start since boot
// only (compared with libvirt's embedded driver, which autostarts the same way when a process
// first opens its root); and `-t` never ends a daemon while a guest runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canConnect, exited, superviseDaemon } from '../helpers/daemon-process.js';
import { READY_MARKER, TICK_PREFIX, tinyGuest } from '../helpers/guest.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { holdSystemLibvirtd } from '../helpers/system-lock.js';
import { ensureVirtlogd } from '../helpers/virtlogd.js';
import { repo, runBin, type Result } from '../qemu/embed.js';
import { maskRun } from '../qemu/guest-pair.js';
import { fileSerial, guestDomainXml, killQemusUnder, makeGuestRoot, privateGuestFiles, qemuPidsUnder, waitUntil, writeQemuConf } from '../qemu/tiny-guest.js';
import { virtdBin } from './virtd.js';

const LONG = 300_000;
const tsBin = join(repo, 'bin', 'virsh-ts');
const tag = process.pid.toString(36);
// libvirtd's qemu:///system shares the host's /etc/libvirt/qemu: names no other test uses.
const GUEST = `vts-g-${tag}`;
const AUTO = `vts-h-${tag}`;

type Side = 'ours' | 'real';

interface Ours {
  socket: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

let dir: string;
let qemuRoot: string;
let embedRoot: string;
let ours: Ours | undefined;
let libvirtd: Libvirtd | undefined;
let virtlogd: { stop(): Promise<void> } | undefined;
// Held for the whole file: libvirtd is restarted in the middle, its guest still running.
let releaseSystem: (() => void) | undefined;

/** virtd-ts on qemuRoot, in a directory of its own (its pid file and sockets). */
async function startOurs(args: string[] = []): Promise<Ours> {
  const home = mkdtempSync(join(tmpdir(), 'virtd-ts-guests-'));
  mkdirSync(join(home, 'run'));
  const conf = join(home, 'virtd-ts.conf');
  writeFileSync(conf, ['listen_tls = 0', `unix_sock_dir = "${join(home, 'run')}"`, ''].join('\n'));
  const child = spawn(process.execPath, [virtdBin, '-f', conf, '-p', join(home, 'virtd-ts.pid'), ...args], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C', VIRTD_TS_QEMU_ROOT: qemuRoot },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const socket = join(home, 'run', 'libvirt-sock');
  const sup = await superviseDaemon('virtd-ts', child, home, async () => existsSync(socket) && (await canConnect({ path: socket })), 50);
  return { ...sup, socket, child };
}

const uri = (side: Side) => `qemu+unix:///system?socket=${side === 'ours' ? ours!.socket : libvirtd!.socket}`;

/**
 * The guests' files on each side live in DIR/ours or DIR/real (same length), masked as DIR.
 * dominfo's taint message is dropped: libvirtd here runs QEMU as the host qemu.conf's
 * libvirt-qemu, virtd-ts's root runs it as root (this driver has no DAC user switch yet), which
 * taints the guest (the taint itself is compared with libvirt's in test/qemu/lifecycle.test.ts).
 */
function mask(r: Result, side: Side): Result {
  const m = maskRun(r, join(dir, side));
  return { ...m, stdout: m.stdout.replace(/^Messages: +tainted: running with undesirable elevated privileges\n/m, '') };
}

/** One client on one side; SIDE in an argument is that side's directory. */
async function run(bin: string, side: Side, script: string): Promise<Result> {
  return mask(await runBin(bin, ['-c', uri(side), script.replaceAll('SIDE', join(dir, side))], dir), side);
}

/** A step that changes the guest: real virsh on libvirtd, `bin` on virtd-ts; outputs equal. */
async function step(bin: string, script: string): Promise<Result> {
  const [theirs, mine] = await Promise.all([run('virsh', 'real', script), run(bin, 'ours', script)]);
  expect(mine).toEqual(theirs);
  return theirs;
}

/**
 * A read-only command line from real virsh and virsh-ts against virtd-ts, and from real virsh
 * against libvirtd: all three outputs equal.
 */
async function same(script: string): Promise<Result> {
  const [theirs, virshOurs, tsOurs] = await Promise.all([run('virsh', 'real', script), run('virsh', 'ours', script), run(tsBin, 'ours', script)]);
  expect(virshOurs).toEqual(theirs);
  expect(tsOurs).toEqual(theirs);
  return theirs;
}

function writeGuest(side: Side | 'embed', name: string, kernel: string, initrd: string): string {
  const base = side === 'embed' ? embedRoot : join(dir, side);
  const file = join(base, `${name}.xml`);
  writeFileSync(file, guestDomainXml(name, { kernel, initrd }, { devices: [fileSerial(join(base, `${name}.serial`))] }));
  return file;
}

function waitSerial(file: string, text: string): Promise<void> {
  const log = () => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return waitUntil(() => log().includes(text), 180_000, 250, () => `${file}: '${text}' not seen:\n${log().slice(-1500)}`);
}

async function waitState(bin: string, side: Side, name: string, state: string): Promise<void> {
  let last: Result | undefined;
  const reached = async () => (last = await run(bin, side, `domstate ${name}`)).stdout.startsWith(state);
  await waitUntil(reached, 180_000, 500, () => {
    const file = join(dir, side, `${name}.serial`);
    const serial = (existsSync(file) ? readFileSync(file, 'utf8') : '')
      .split('\n')
      .filter((l) => !l.startsWith(TICK_PREFIX))
      .join('\n');
    return `${side} ${name}: never '${state}' (last: ${last?.stdout.trim()} ${last?.stderr.trim()})\n${serial}`;
  });
}

let kernel: string;
let initrd: string;

const serialOf = (side: Side) => join(dir, side, `${GUEST}.serial`);

beforeAll(async () => {
  ({ kernel, initrd } = await tinyGuest());
  dir = mkdtempSync(join(tmpdir(), 'virtd-ts-guests-'));
  // libvirtd runs QEMU as its own user: the guests' serial files must be reachable.
  chmodSync(dir, 0o755);
  for (const side of ['ours', 'real'] as const) {
    mkdirSync(join(dir, side));
    // Private copies: libvirtd's DAC driver labels (and counts users of) the files it boots.
    const files = await privateGuestFiles(join(dir, side));
    writeGuest(side, GUEST, files.kernel, files.initrd);
  }
  qemuRoot = mkdtempSync(join(tmpdir(), 'virtd-ts-guests-root-'));
  writeQemuConf(qemuRoot, 'system');
  embedRoot = makeGuestRoot('virtd-ts-guests-embed-');
  releaseSystem = await holdSystemLibvirtd();
  virtlogd = await ensureVirtlogd();
  // One at a time, each kept as soon as it runs, so a failing start leaves nothing for afterAll to miss.
  ours = await startOurs();
  libvirtd = await startLibvirtd({ system: true });
}, LONG);

afterAll(async () => {
  // Guests outlive their daemons: take every one down first, whatever a failed step left.
  if (libvirtd) {
    for (const name of [GUEST, AUTO]) {
      await runBin('virsh', ['-c', uri('real'), `destroy ${name}; undefine ${name}`]);
    }
    await libvirtd.stop();
  }
  await ours?.stop();
  killQemusUnder([qemuRoot, embedRoot, dir].filter(Boolean));
  await virtlogd?.stop();
  releaseSystem?.();
  for (const d of [dir, qemuRoot, embedRoot]) if (d) rmSync(d, { recursive: true, force: true });
}, LONG);

describe('a real guest through virtd-ts qemu:///system, as through libvirtd', () => {
  it('defines and starts it; state, reason, id and info as libvirtd reports them', async () => {
    expect((await step('virsh', `define SIDE/${GUEST}.xml`)).code).toBe(0);
    expect((await step(tsBin, `start ${GUEST}`)).code).toBe(0);
    await same('list --all');
    await same(`domstate ${GUEST} --reason; domid ${GUEST}; dominfo ${GUEST}`);
    await Promise.all((['real', 'ours'] as const).map((side) => waitSerial(serialOf(side), READY_MARKER)));
  }, LONG);

  it('refuses a second start; suspends and resumes with virsh’s answers to repeating either', async () => {
    expect((await step('virsh', `start ${GUEST}`)).code).toBe(1);
    expect((await step(tsBin, `suspend ${GUEST}; suspend ${GUEST}`)).code).toBe(0);
    await same(`list --state-paused; domstate ${GUEST} --reason`);
    expect((await step('virsh', `resume ${GUEST}; resume ${GUEST}`)).code).toBe(1);
    await same(`domstate ${GUEST} --reason; list`);
  }, LONG);

  it('kill -9 of either daemon leaves the guest running; the restarted daemon lists it and shuts it down', async () => {
    const qemuBefore = qemuPidsUnder([join(dir, 'ours')]);
    expect(qemuBefore).toHaveLength(1);
    ours!.child.kill('SIGKILL');
    process.kill(libvirtd!.pid, 'SIGKILL');
    await exited(ours!.child);
    await Promise.all([ours!.stop(), libvirtd!.stop()]);
    expect(qemuPidsUnder([join(dir, 'ours')])).toEqual(qemuBefore);
    ours = undefined;
    libvirtd = undefined;
    ours = await startOurs();
    libvirtd = await startLibvirtd({ system: true });
    // A first step that takes a job waits for libvirtd's takeover of its guest.
    expect((await step('virsh', `suspend ${GUEST}; resume ${GUEST}`)).code).toBe(0);
    await same(`list --all; domstate ${GUEST} --reason; domid ${GUEST}`);
    expect((await step(tsBin, `shutdown ${GUEST}`)).code).toBe(0);
    await Promise.all([waitState('virsh', 'real', GUEST, 'shut off'), waitState(tsBin, 'ours', GUEST, 'shut off')]);
    await same(`list --all; domstate ${GUEST} --reason`);
    expect(qemuPidsUnder([join(dir, 'ours')])).toEqual([]);
  }, LONG);

  it('starts paused, resumes and destroys in one client', async () => {
    const script = `start ${GUEST} --paused; domstate ${GUEST} --reason; resume ${GUEST}; domstate ${GUEST} --reason; destroy ${GUEST}; domstate ${GUEST} --reason`;
    expect((await step(tsBin, script)).code).toBe(0);
    await same('list --all');
    expect(qemuPidsUnder([join(dir, 'ours')])).toEqual([]);
  }, LONG);
});

describe('autostart and the idle timeout', () => {
  it('autostarts on the first daemon start since boot only, as libvirt’s driver does', async () => {
    const xml = writeGuest('embed', AUTO, kernel, initrd);
    const marker = join(qemuRoot, 'run', 'libvirt', 'qemu', 'autostarted');
    const realMarker = join(embedRoot, 'run', 'qemu', 'autostarted');
    const embed = (script: string) => runBin('unshare', ['-m', join(repo, 'test/qemu/fixtures/argv/nokvm.sh'), 'virsh', '-c', `qemu:///embed?root=${embedRoot}`, script]);
    expect(existsSync(marker)).toBe(true);
    const defined = await embed(`define ${xml}; autostart ${AUTO}`);
    expect(defined.code).toBe(0);
    expect(await runBin(tsBin, ['-c', uri('ours'), `define ${xml}; autostart ${AUTO}`])).toEqual(defined);

    // A daemon start with the marker present (this boot's first start made it) leaves it off.
    await ours!.stop();
    ours = await startOurs();
    const off = await embed(`list --all --autostart`);
    expect(maskRun(await runBin(tsBin, ['-c', uri('ours'), 'list --all --autostart']), qemuRoot)).toEqual(maskRun(off, embedRoot));

    // As after a reboot: no marker, so the next start autostarts and leaves the marker again.
    await ours.stop();
    rmSync(marker);
    rmSync(realMarker);
    ours = await startOurs();
    const script = `list --all --autostart; domstate ${AUTO} --reason`;
    const started = await embed(`${script}; destroy ${AUTO}`);
    expect(started.stdout).toContain('running');
    const mine = await runBin(tsBin, ['-c', uri('ours'), `${script}; destroy ${AUTO}`]);
    // The embedded driver logs the guest's taint on virsh's stderr; virtd-ts logs it on its own.
    expect({ ...maskRun(mine, qemuRoot), stderr: '' }).toEqual({ ...maskRun(started, embedRoot), stderr: '' });
    expect(mine.stderr).toBe('');
    expect(existsSync(marker)).toBe(true);
    expect(existsSync(realMarker)).toBe(true);
  }, LONG);

  it('-t does not end the daemon while a guest runs, and does once the last one stopped', async () => {
    await ours!.stop();
    ours = await startOurs(['-t', '1']);
    const started = await runBin(tsBin, ['-c', uri('ours'), `start ${GUEST}`]);
    expect(started.code).toBe(0);
    // Three idle periods with no client: the running guest holds the daemon up.
    await new Promise((r) => setTimeout(r, 3000));
    expect(ours.child.exitCode).toBeNull();
    expect((await runBin(tsBin, ['-c', uri('ours'), `destroy ${GUEST}`])).code).toBe(0);
    await exited(ours.child);
    expect(ours.child.exitCode).toBe(0);
    expect(qemuPidsUnder([join(dir, 'ours')])).toEqual([]);
  }, LONG);
});
