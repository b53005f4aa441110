// A private libvirtd 9.0 for the remote benchmark: its own config and unix socket in a
// temporary directory, unprivileged (nobody when run as root). The test suite's helper
// (test/helpers/libvirtd.ts) does the same with TCP and TLS as well.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOBODY = 65534;

const canConnect = (path) =>
  new Promise((resolve) => {
    const sock = createConnection({ path });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });

/**
 * Waits until `child` (a daemon run in its own directory `dir`) accepts connections on
 * `socket`; returns its stop (SIGTERM, then the directory goes).
 */
export async function daemonReady(name, child, dir, socket, pollMs) {
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(existsSync(socket) && (await canConnect(socket)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not start`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return stop;
}

export async function startLibvirtd() {
  const root = process.geteuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'virsh-bench-libvirtd-'));
  chmodSync(dir, 0o755);
  for (const d of ['run', 'xdg', 'home']) mkdirSync(join(dir, d));
  const conf = join(dir, 'libvirtd.conf');
  writeFileSync(
    conf,
    `listen_tls = 0\nlisten_tcp = 0\nauth_unix_rw = "none"\nunix_sock_dir = "${join(dir, 'run')}"\nunix_sock_rw_perms = "0777"\nlog_outputs = "3:stderr"\n`,
  );
  if (root) for (const d of ['', 'run', 'xdg', 'home']) chownSync(join(dir, d), NOBODY, NOBODY);
  const env = { PATH: process.env.PATH, HOME: join(dir, 'home'), XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C' };
  const args = ['-f', conf, '-p', join(dir, 'libvirtd.pid')];
  const [cmd, argv] = root
    ? ['setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', '/usr/sbin/libvirtd', ...args]]
    : ['/usr/sbin/libvirtd', args];
  const child = spawn(cmd, argv, { cwd: dir, env, stdio: ['ignore', 'ignore', 'ignore'] });
  const socket = join(dir, 'run', 'libvirt-sock');
  const stop = await daemonReady('libvirtd', child, dir, socket, 100);
  return { dir, socket, stop };
}
