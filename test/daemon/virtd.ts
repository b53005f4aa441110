// A private virtd-ts for tests: its own config, unix socket directory, pid file and loopback
// tcp port (modelled on test/helpers/libvirtd.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const virtdBin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'virtd-ts');

export interface Virtd {
  dir: string;
  socket: string;
  roSocket: string;
  tcpPort: number;
  unixURI: string;
  roURI: string;
  tcpURI: string;
  pid: number;
  log(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function canConnect(opts: { path: string } | { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection(opts);
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts virtd-ts with `extra` config lines and resolves once its sockets accept connections. */
export async function startVirtd(extra: string[] = [], args: string[] = []): Promise<Virtd> {
  const dir = mkdtempSync(join(tmpdir(), 'virtd-ts-'));
  mkdirSync(join(dir, 'run'));
  const tcpPort = await freePort();
  const conf = join(dir, 'virtd-ts.conf');
  writeFileSync(
    conf,
    [
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
    env: { PATH: process.env.PATH, HOME: dir, XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: Buffer[] = [];
  child.stderr!.on('data', (b: Buffer) => log.push(b));
  const socket = join(dir, 'run', 'libvirt-sock');
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
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = Buffer.concat(log).toString();
      await stop();
      throw new Error(`virtd-ts exited early (${child.exitCode ?? child.signalCode}):\n${text}`);
    }
    if (existsSync(socket) && (await canConnect({ path: socket })) && (await canConnect({ host: '127.0.0.1', port: tcpPort }))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`virtd-ts did not become ready in 30 s:\n${Buffer.concat(log).toString()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dir,
    socket,
    roSocket: `${socket}-ro`,
    tcpPort,
    unixURI: `test+unix:///default?socket=${socket}`,
    roURI: `test+unix:///default?socket=${socket}-ro`,
    tcpURI: `test+tcp://127.0.0.1:${tcpPort}/default`,
    pid: child.pid!,
    log: () => Buffer.concat(log).toString(),
    stop,
  };
}
