// A private virtd-ts for tests: its own config, unix socket directory, pid file and loopback
// tcp port (modelled on test/helpers/libvirtd.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { canConnect, freePort, superviseDaemon } from '../helpers/daemon-process.js';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const virtdBin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'virtd-ts');

export interface Virtd {
  dir: string;
  socket: string;
  roSocket: string;
  adminSocket: string;
  tcpPort: number;
  unixURI: string;
  roURI: string;
  tcpURI: string;
  pid: number;
  log(): string;
  stop(): Promise<void>;
}

export async function startVirtd(extra: string[] = [], args: string[] = []): Promise<Virtd> {
  const dir = mkdtempSync(join(tmpdir(), 'virtd-ts-'));
  mkdirSync(join(dir, 'run'));
  const tcpPort = await freePort();
  const conf = join(dir, 'virtd-ts.conf');
  writeFileSync(
    conf,
    [
      // libvirtd's default listen_tls = 1 needs certificates: off unless the test asks.
      ...(extra.some((l) => l.startsWith('listen_tls')) ? [] : ['listen_tls = 0']),
      'listen_tcp = 1',
      'listen_addr = "127.0.0.1"',
      `tcp_port = "${tcpPort}"`,
      'auth_tcp = "none"',
      `unix_sock_dir = "${join(dir, 'run')}"`,
      ...extra,
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [virtdBin, '-l', '-f', conf, '-p', join(dir, 'virtd-ts.pid'), ...args], {
    cwd: dir,
    // qemu:///system's state under the daemon's directory: at start the daemon takes over guests
    // listed in its QEMU state directory, which must never be the host's (a real libvirtd's).
    env: { PATH: process.env.PATH, HOME: dir, XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C', VIRTD_TS_QEMU_ROOT: join(dir, 'qemu') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const socket = join(dir, 'run', 'libvirt-sock');
  const { log, stop } = await superviseDaemon(
    'virtd-ts',
    child,
    dir,
    async () => existsSync(socket) && (await canConnect({ path: socket })) && (await canConnect({ host: '127.0.0.1', port: tcpPort })),
    50,
  );
  return {
    dir,
    socket,
    roSocket: `${socket}-ro`,
    adminSocket: join(dir, 'run', 'libvirt-admin-sock'),
    tcpPort,
    unixURI: `test+unix:///default?socket=${socket}`,
    roURI: `test+unix:///default?socket=${socket}-ro`,
    tcpURI: `test+tcp://127.0.0.1:${tcpPort}/default`,
    pid: child.pid!,
    log,
    stop,
  };
}
