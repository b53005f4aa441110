// A daemon that dies or freezes under an open connection: real virsh and virsh-ts each get
// their own private libvirtd, connect, and then the daemon is killed (-9) or stopped
// (SIGSTOP, so only keepalive can notice) while a call is on the wire. Both must report
// the same errors and neither may hang.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { virshTs, type Outcome } from '../helpers/compare-runs.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { makeSandbox, sandboxEnv } from '../helpers/sandbox.mjs';
import { startVirtd } from '../daemon/virtd.js';

const sandbox = makeSandbox('virsh-fail-');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `program` in batch mode (commands on stdin) against a fresh daemon: once the first
 * command has answered (the connection is up), `disrupt` acts on the daemon, then the
 * second command is sent and stdin closed. Killed after 30 s so nothing can hang the suite.
 */
async function scenario(
  program: string,
  globalArgs: string[],
  disrupt: (d: Daemon) => Promise<void>,
  settled?: (stderr: string) => boolean,
  start: () => Promise<Daemon> = startLibvirtd,
): Promise<Outcome> {
  const daemon = await start();
  try {
    const child = spawn(program, ['-c', daemon.unixURI, ...globalArgs], {
      cwd: sandbox,
      env: sandboxEnv(sandbox),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdin.write('domname 1\n');
    const deadline = Date.now() + 20_000;
    while (!stdout.includes('test') && Date.now() < deadline) await sleep(20);
    await disrupt(daemon);
    while (settled && !settled(stderr) && Date.now() < deadline + 10_000) await sleep(20);
    child.stdin.end('list --all\n');
    const code = await done;
    clearTimeout(killer);
    // Each program gets its own daemon: the disconnect notice names that daemon's socket.
    const mask = (t: string) => t.replaceAll(daemon.dir, '<DAEMON>');
    return { stdout: mask(stdout), stderr: mask(stderr), code };
  } finally {
    try {
      process.kill(daemon.pid, 'SIGCONT');
    } catch {
      // already killed
    }
    await daemon.stop();
  }
}

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** What the scenarios need of a daemon: real libvirtd or virtd-ts. */
type Daemon = Pick<Libvirtd, 'dir' | 'pid' | 'unixURI' | 'stop'>;

/** The daemon's own process (setpriv execs libvirtd, so the pid is the daemon's). */
const signal = (d: Daemon, sig: NodeJS.Signals) => process.kill(d.pid, sig);

describe('remote driver when the daemon fails', () => {
  it('daemon killed (-9) while a call is waiting for its reply', async () => {
    const kill = async (d: Daemon) => {
      signal(d, 'SIGSTOP');
      // The call goes out to a stopped daemon; the kill lands while it waits.
      setTimeout(() => signal(d, 'SIGKILL'), 500);
    };
    const [want, got] = [await scenario('virsh', ['-k', '0'], kill), await scenario(virshTs, ['-k', '0'], kill)];
    expect(got).toEqual(want);
  });

  it('daemon killed while idle: the notice comes at once, the next command fails to reconnect', async () => {
    const kill = async (d: Daemon) => {
      signal(d, 'SIGKILL');
    };
    const noticed = (stderr: string) => stderr.includes('Disconnected from');
    const [want, got] = [await scenario('virsh', ['-k', '0'], kill, noticed), await scenario(virshTs, ['-k', '0'], kill, noticed)];
    expect(want.stderr).toContain('Failed to reconnect to the hypervisor');
    expect(got).toEqual(want);
  });

  it('keepalive timeout on a stopped daemon (-k 1 -K 2)', async () => {
    const stop = async (d: Daemon) => {
      signal(d, "SIGSTOP");
    };
    const t0 = Date.now();
    const want = await scenario('virsh', ['-k', '1', '-K', '2'], stop);
    const t1 = Date.now();
    const got = await scenario(virshTs, ['-k', '1', '-K', '2'], stop);
    const t2 = Date.now();
    expect(got).toEqual(want);
    // Both give up after about interval × (count + 1) seconds, not at the 30 s guard.
    expect(t1 - t0).toBeLessThan(15_000);
    expect(t2 - t1).toBeLessThan(15_000);
  });
});

describe('virtd-ts when it fails under real virsh and virsh-ts', () => {
  it('killed (-9) while a call is waiting for its reply', async () => {
    const kill = async (d: Daemon) => {
      signal(d, 'SIGSTOP');
      setTimeout(() => signal(d, 'SIGKILL'), 500);
    };
    const want = await scenario('virsh', ['-k', '0'], kill, undefined, startVirtd);
    const got = await scenario(virshTs, ['-k', '0'], kill, undefined, startVirtd);
    expect(want.stderr).toContain('Disconnected from');
    expect(got).toEqual(want);
  });

  it('keepalive timeout when it is stopped (-k 1 -K 2)', async () => {
    const stop = async (d: Daemon) => {
      signal(d, 'SIGSTOP');
    };
    const want = await scenario('virsh', ['-k', '1', '-K', '2'], stop, undefined, startVirtd);
    const got = await scenario(virshTs, ['-k', '1', '-K', '2'], stop, undefined, startVirtd);
    expect(want.stderr).toContain('due to keepalive timeout');
    expect(got).toEqual(want);
  });
});
