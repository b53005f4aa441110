// The QEMU driver's lifecycle against real virsh 9.0 on libvirt's embedded driver, same XML,
// same steps, in one run: start, states and reasons, suspend/resume, reset, ACPI shutdown,
// destroy, paused starts, transient guests, and the failures of a start. Every virsh-ts call is
// a new process, so each step also proves a later process takes the running guest over.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_MARKER } from '../helpers/guest.js';
import { repo } from './embed.js';
import { GuestPair, qemuPidsUnder } from './guest-pair.js';

let pair: GuestPair;
const LONG = 300_000;

beforeAll(async () => {
  pair = new GuestPair();
  await pair.writeGuest('g1');
  await pair.writeGuest('g2', { disk: { path: 'ROOT/missing.qcow2', format: 'qcow2' } });
}, LONG);
afterAll(() => pair?.remove());

async function same(...args: string[]) {
  const { real, ts } = await pair.both(...args);
  expect(ts).toEqual(real);
  return real;
}

describe('qemu:///embed guest lifecycle', () => {
  it('defines and starts the guest; both report it running (booted) with id 1', async () => {
    await same('define', 'ROOT/g1.xml');
    expect((await same('start', 'g1')).code).toBe(0);
    await same('list', '--all');
    await same('domstate', 'g1', '--reason');
    await same('domid', 'g1');
    await same('dominfo', 'g1');
    await Promise.all([pair.waitSerial('real', 'g1', READY_MARKER), pair.waitSerial('ts', 'g1', READY_MARKER)]);
  }, LONG);

  it('refuses a second start', async () => {
    expect((await same('start', 'g1')).code).toBe(1);
  });

  it('suspends and resumes, with virsh’s answers to repeating either', async () => {
    await same('suspend g1; domstate g1 --reason; suspend g1; domstate g1 --reason');
    await same('list', '--state-paused');
    await same('resume g1; domstate g1 --reason; resume g1; domstate g1 --reason');
  }, LONG);

  it('resets the guest: it boots again and stays running', async () => {
    await same('reset g1; domstate g1 --reason');
    await Promise.all([pair.waitSerial('real', 'g1', READY_MARKER, 2), pair.waitSerial('ts', 'g1', READY_MARKER, 2)]);
    await same('domstate', 'g1', '--reason');
  }, LONG);

  it('shuts the guest down through ACPI; it powers off and both end shut off', async () => {
    await same('shutdown', 'g1');
    await Promise.all([pair.waitState('real', 'g1', 'shut off'), pair.waitState('ts', 'g1', 'shut off')]);
    await same('list', '--all');
    await same('domstate', 'g1', '--reason');
    await same('dominfo', 'g1');
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
  }, LONG);

  it('refuses shutdown, destroy, suspend, resume and reset of a shut-off guest', async () => {
    for (const cmd of ['shutdown', 'destroy', 'suspend', 'resume', 'reset', 'reboot']) await same(cmd, 'g1');
  }, LONG);

  it('starts paused, runs on resume, and destroys', async () => {
    await same('start g1 --paused; domstate g1 --reason; list');
    // One process for the rest: a process that opens the root takes a running guest over in
    // the background in libvirt, and a destroy racing that takeover ends differently each run.
    await same('resume g1; domstate g1 --reason; destroy g1; domstate g1 --reason; list --all');
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
    // Nothing of the guest's runtime is left behind.
    expect(readdirSync(join(pair.roots.ts, 'run', 'qemu'))).toEqual([]);
  }, LONG);

  it('runs a transient guest from XML, which vanishes when destroyed', async () => {
    await same('undefine', 'g1');
    await same('create ROOT/g1.xml; list --all --transient; dominfo g1; destroy g1; list --all');
  }, LONG);

  it('fails a start on a missing disk image with libvirt’s error and leaves the guest shut off (failed)', async () => {
    await same('define', 'ROOT/g2.xml');
    await same('start g2; domstate g2 --reason; list --all');
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
  }, LONG);
});

describe('lifecycle actions', () => {
  it('on_reboot destroy: a reboot powers the guest off for good', async () => {
    await pair.writeGuest('g4', { devices: '' });
    for (const side of ['real', 'ts'] as const) {
      const xml = join(pair.roots[side], 'g4.xml');
      writeFileSync(xml, readFileSync(xml, 'utf8').replace('</features>', '</features>\n  <on_reboot>destroy</on_reboot>'));
    }
    await same('define', 'ROOT/g4.xml');
    await same('start', 'g4');
    await Promise.all([pair.waitSerial('real', 'g4', READY_MARKER), pair.waitSerial('ts', 'g4', READY_MARKER)]);
    await same('reboot', 'g4');
    await Promise.all([pair.waitState('real', 'g4', 'shut off'), pair.waitState('ts', 'g4', 'shut off')]);
    await same('list', '--all');
    expect(pair.serial('ts', 'g4').split(READY_MARKER).length - 1).toBe(1);
  }, LONG);

  it('a reboot (ACPI) boots the guest again, even when the process that asked is gone by then', async () => {
    expect((await pair.run('ts', 'define', join(pair.roots.ts, 'g1.xml'))).code).toBe(0);
    expect((await pair.run('ts', 'start', 'g1')).code).toBe(0);
    await pair.waitSerial('ts', 'g1', READY_MARKER);
    const before = pair.serial('ts', 'g1').split(READY_MARKER).length - 1;
    expect((await pair.run('ts', 'reboot', 'g1')).stdout).toBe("Domain 'g1' is being rebooted\n\n");
    // The guest powers off on the ACPI button; the next process to open the root finds it so
    // and completes the reboot (libvirt's fake reboot: system_reset, then cont).
    const deadline = Date.now() + 120_000;
    while (pair.serial('ts', 'g1').split(READY_MARKER).length - 1 === before && Date.now() < deadline) {
      await pair.run('ts', 'list');
      await new Promise((r) => setTimeout(r, 500));
    }
    await pair.waitSerial('ts', 'g1', READY_MARKER, before + 1);
    expect((await pair.run('ts', 'domstate', 'g1', '--reason')).stdout).toBe('running (booted)\n\n');
    await pair.run('ts', 'destroy', 'g1');
  }, LONG);
});

describe('a guest outliving the virsh-ts process that started it', () => {
  it('is found running by a new process after the first is killed with SIGKILL, and can be destroyed', async () => {
    await pair.writeGuest('g3');
    const root = pair.roots.ts;
    expect((await pair.run('ts', 'define', join(root, 'g3.xml'))).code).toBe(0);
    // An interactive session (commands on stdin) that starts the guest and is then killed.
    const shell = spawn(join(repo, 'bin', 'virsh-ts'), ['-c', pair.uri('ts')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    shell.stdout.on('data', (d) => (out += d));
    shell.stdin.write('start g3\n');
    const deadline = Date.now() + 120_000;
    while (!out.includes("Domain 'g3' started") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("Domain 'g3' started");
    shell.kill('SIGKILL');
    await new Promise((r) => shell.once('exit', r));
    await pair.waitSerial('ts', 'g3', READY_MARKER);
    const listed = await pair.run('ts', 'list');
    expect(listed.stdout).toMatch(/^ 1 +g3 +running$/m);
    expect((await pair.run('ts', 'domstate', 'g3', '--reason')).stdout).toBe('running (booted)\n\n');
    expect((await pair.run('ts', 'destroy', 'g3')).stdout).toBe("Domain 'g3' destroyed\n\n");
    expect(qemuPidsUnder([root])).toEqual([]);
    expect(existsSync(join(root, 'run', 'qemu', 'g3.xml'))).toBe(false);
  }, LONG);
});
