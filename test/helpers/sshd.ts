// A private OpenSSH sshd for the ssh transport tests: its own host key, config and
// authorized_keys, listening on a free loopback port, so ssh URIs reach this machine
// (and through it the private libvirtd's socket) without touching the system's sshd.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { exited, freePort } from './daemon-process.js';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const SSHD = '/usr/sbin/sshd';

export interface Sshd {
  dir: string;
  port: number;
  user: string;
  /** The private key authorized to log in, and one that is not. */
  keyfile: string;
  strangerKeyfile: string;
  /** A known_hosts line for the server's host key as `[127.0.0.1]:PORT`. */
  knownHostsLine: string;
  log(): string;
  stop(): Promise<void>;
}

/** Resolves once the port answers with an SSH banner. */
function banner(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    sock.setTimeout(2000, () => sock.destroy());
    sock.once('data', (b: Buffer) => {
      sock.destroy();
      resolve(b.toString().startsWith('SSH-'));
    });
    sock.once('error', () => resolve(false));
    sock.once('close', () => resolve(false));
  });
}

function keygen(path: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { stdio: 'ignore', timeout: 30_000 });
}

export interface SshdOptions {
  /**
   * Offer password authentication too (root may use it). No password is right: the test
   * user's shadow entry is left alone, so every one sent is a wrong one.
   */
  passwords?: boolean;
}

export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install Debian's openssh-server to run these tests`);
  // sshd insists on its privilege-separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'virsh-ts-sshd-'));
  const port = await freePort();
  const user = userInfo().username;
  keygen(join(dir, 'host_ed25519'), 'host');
  keygen(join(dir, 'user_ed25519'), 'user');
  keygen(join(dir, 'stranger_ed25519'), 'stranger');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_ed25519.pub')));
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'StrictModes no',
      'UsePAM no',
      `PasswordAuthentication ${options.passwords ? 'yes' : 'no'}`,
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      `PermitRootLogin ${options.passwords ? 'yes' : 'prohibit-password'}`,
      'AllowAgentForwarding no',
      'X11Forwarding no',
      'PrintMotd no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: Buffer[] = [];
  child.stderr!.on('data', (b: Buffer) => log.push(b));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(await banner(port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      const text = Buffer.concat(log).toString();
      await stop();
      throw new Error(`sshd did not start:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const [type, key] = readFileSync(join(dir, 'host_ed25519.pub'), 'utf8').trim().split(' ');
  return {
    dir,
    port,
    user,
    keyfile: join(dir, 'user_ed25519'),
    strangerKeyfile: join(dir, 'stranger_ed25519'),
    knownHostsLine: `[127.0.0.1]:${port} ${type} ${key}\n`,
    log: () => Buffer.concat(log).toString(),
    stop,
  };
}
