// A daemon that dies or freezes under an open connection: real virsh and virsh-ts each get
// their own private libvirtd, connect, and then the daemon is killed (-9) or stopped
// (SIGSTOP, so only keepalive can notice) while a call is on the wire. Both must report
// the same errors and neither may hang.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';

const here = dirname(fileURLToPath(import.meta.url));
const virshTs = join(here, '..', '..', 'bin', 'virsh-ts');
const sandbox = mkdtempSync(join(tmpdir(), 'virsh-fail-'));
for (const d of ['config', 'cache', 'runtime']) mkdirSync(join(sandbox, d));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs `program` in batch mode (commands on stdin) against a fresh daemon: once the first
 * command has answered (the connection is up), `disrupt` acts on the daemon, then the
 * second command is sent and stdin closed. Killed after 30 s so nothing can hang the suite.
 */
async function scenario(program: string, globalArgs: string[], disrupt: (d: Libvirtd) => Promise<void>): Promise<Outcome> {
  const daemon = await startLibvirtd();
  try {
    const child = spawn(program, ['-c', daemon.unixURI, ...globalArgs], {
      cwd: sandbox,
      env: {
        PATH: process.env.PATH,
        HOME: sandbox,
        XDG_CONFIG_HOME: join(sandbox, 'config'),
        XDG_CACHE_HOME: join(sandbox, 'cache'),
        XDG_RUNTIME_DIR: join(sandbox, 'runtime'),
        LANG: 'C',
        LC_ALL: 'C',
        TERM: 'dumb',
      },
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
    child.stdin.end('list --all\n');
    const code = await done;
    clearTimeout(killer);
    return { stdout, stderr, code };
  } finally {
    try {
      process.kill(daemon.pid, 'SIGCONT');
    } catch {
      // already killed
    }
    await daemon.stop();
  }
}

/**
 * virsh's shell registers a close callback that prints "Disconnected from URI due to
 * REASON" when the link dies; virsh-ts's shell has no close callback yet (the remote
 * driver does register one with the daemon), so that one line is left out of virsh's output.
 */
const withoutCloseNotice = (o: Outcome): Outcome => ({ ...o, stderr: o.stderr.replace(/^error: Disconnected from .* due to .*\n/m, '') });

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** The daemon's own process (setpriv execs libvirtd, so the pid is the daemon's). */
const signal = (d: Libvirtd, sig: NodeJS.Signals) => process.kill(d.pid, sig);

describe('remote driver when the daemon fails', () => {
  it('daemon killed (-9) while a call is waiting for its reply', async () => {
    const kill = async (d: Libvirtd) => {
      signal(d, 'SIGSTOP');
      // The call goes out to a stopped daemon; the kill lands while it waits.
      setTimeout(() => signal(d, 'SIGKILL'), 500);
    };
    const [want, got] = [await scenario('virsh', ['-k', '0'], kill), await scenario(virshTs, ['-k', '0'], kill)];
    expect(got).toEqual(withoutCloseNotice(want));
  });

  it('keepalive timeout on a stopped daemon (-k 1 -K 2)', async () => {
    const stop = async (d: Libvirtd) => {
      signal(d, "SIGSTOP");
    };
    const t0 = Date.now();
    const want = await scenario('virsh', ['-k', '1', '-K', '2'], stop);
    const t1 = Date.now();
    const got = await scenario(virshTs, ['-k', '1', '-K', '2'], stop);
    const t2 = Date.now();
    expect(got).toEqual(withoutCloseNotice(want));
    // Both give up after about interval × (count + 1) seconds, not at the 30 s guard.
    expect(t1 - t0).toBeLessThan(15_000);
    expect(t2 - t1).toBeLessThan(15_000);
  });
});
