// How virtd-ts starts and stops, next to a real libvirtd 9.0 in the same run: systemd socket
// activation (the sockets made and handed over by systemd's own systemd-socket-activate, which
// starts the daemon on the first connection, as systemd does), the pid file, and -t.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canConnect, exited, freePort } from '../helpers/daemon-process.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { issue, makeCa, pkiDir } from '../helpers/pki.js';
import { virtdBin } from './virtd.js';

const NOBODY = 65534;
const root = process.geteuid?.() === 0;
const sandbox = mkdtempSync(join(tmpdir(), 'virtd-life-'));
chmodSync(sandbox, 0o755);
const started: ChildProcess[] = [];

afterEach(async () => {
  for (const c of started.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await exited(c);
  }
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

interface Daemon {
  child: ChildProcess;
  log(): string;
}

/** A private directory (owned by nobody for libvirtd when we are root) with a config file. */
function privateDir(name: string, conf: string[], forLibvirtd: boolean): { dir: string; conf: string } {
  const dir = join(sandbox, name);
  for (const d of ['', 'home', 'xdg']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'daemon.conf'), [...conf, 'log_outputs = "3:stderr"', ''].join('\n'));
  if (forLibvirtd && root) for (const d of ['', 'home', 'xdg', 'daemon.conf']) chownSync(join(dir, d), NOBODY, NOBODY);
  return { dir, conf: join(dir, 'daemon.conf') };
}

/** The daemon's command: virtd-ts, or libvirtd as nobody when we are root. */
function daemonCommand(which: 'virtd-ts' | 'libvirtd', args: string[]): string[] {
  if (which === 'virtd-ts') return [process.execPath, virtdBin, ...args];
  const cmd = ['/usr/sbin/libvirtd', ...args];
  return root ? ['setpriv', '--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', ...cmd] : cmd;
}

/** systemd-socket-activate listening on `sockets` (unit name → path or port) for the daemon. */
function activate(dir: string, sockets: [unit: string, where: string][], command: string[]): Daemon {
  const args = [...sockets.flatMap(([, where]) => ['-l', where]), `--fdname=${sockets.map(([unit]) => unit).join(':')}`];
  // VIRTD_TS_QEMU_ROOT: virtd-ts takes over the guests of its QEMU state directory at start, never the host's.
  const env = { HOME: join(dir, 'home'), XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C', VIRTD_TS_QEMU_ROOT: join(dir, 'qemu') };
  for (const [k, v] of Object.entries(env)) args.push('-E', `${k}=${v}`);
  const child = spawn('systemd-socket-activate', [...args, ...command], {
    cwd: dir,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(child);
  let log = '';
  child.stderr!.on('data', (b) => (log += b));
  return { child, log: () => log };
}

async function until(test: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await test())) await new Promise((r) => setTimeout(r, 25));
}

function virsh(args: string[]) {
  const r = spawnSync('virsh', args, { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Error lines a daemon logged, without timestamp and thread id. */
const errors = (log: string) =>
  log
    .split('\n')
    .filter((l) => / error : /.test(l))
    .map((l) => l.replace(/^.*?: \d+: /, ''));

describe('systemd socket activation', () => {
  it('serves the unix, read-only, admin, tcp and tls sockets it is handed, and makes none of its own', async () => {
    const pki = join(sandbox, 'pki');
    const ca = makeCa(pki, 'ca');
    const server = issue(ca, pki, 'server', 'server', ['IP:127.0.0.1']);
    const clientPki = pkiDir(join(pki, 'client'), ca.cert, issue(ca, pki, 'client', 'client'));
    const { dir, conf } = privateDir(
      'activated',
      [`unix_sock_dir = "${join(sandbox, 'activated', 'run')}"`, `key_file = "${server.key}"`, `cert_file = "${server.cert}"`, `ca_file = "${ca.cert}"`],
      false,
    );
    const port = await freePort();
    const tlsPort = await freePort();
    const sock = (n: string) => join(dir, n);
    activate(
      dir,
      [
        ['virtd-ts.socket', sock('rw.sock')],
        ['virtd-ts-ro.socket', sock('ro.sock')],
        ['virtd-ts-admin.socket', sock('admin.sock')],
        ['virtd-ts-tcp.socket', `127.0.0.1:${port}`],
        ['virtd-ts-tls.socket', `127.0.0.1:${tlsPort}`],
      ],
      daemonCommand('virtd-ts', ['-f', conf, '-p', join(dir, 'pid')]),
    );
    await until(() => existsSync(sock('rw.sock')));
    const script = 'list --all; domstate test; net-list --all; pool-list --all';
    const want = virsh(['-c', 'test:///default', script]);
    expect(virsh(['-c', `test+unix:///default?socket=${sock('rw.sock')}`, script])).toEqual(want);
    expect(virsh(['-c', `test+tcp://127.0.0.1:${port}/default`, script])).toEqual(want);
    expect(virsh(['-c', `test+tls://127.0.0.1:${tlsPort}/default?pkipath=${clientPki}`, script])).toEqual(want);
    const ro = 'list --all; destroy test';
    expect(virsh(['-c', `test+unix:///default?socket=${sock('ro.sock')}`, ro])).toEqual(virsh(['-r', '-c', 'test:///default', ro]));
    const admin = spawnSync('virt-admin', ['-c', `libvirtd:///session?socket=${sock('admin.sock')}`, 'srv-list'], { encoding: 'utf8' });
    expect(admin.status).toBe(0);
    expect(admin.stdout).toMatch(/ admin\n/);
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });

  // Each case: the sockets handed over and the daemon's extra arguments; both daemons refuse
  // to start, logging the same error, and the client that woke them sees the same failure.
  const refusals: [name: string, units: (prefix: string) => string[], args: string[]][] = [
    ['a socket nobody claims', (p) => [`${p}.socket`, 'bogus.socket'], []],
    ['--listen with activation', (p) => [`${p}.socket`], ['--listen']],
  ];
  for (const [name, units, extra] of refusals) {
    it(`${name}: refused as libvirtd refuses it`, async () => {
      const outcome = async (which: 'virtd-ts' | 'libvirtd') => {
        const { dir, conf } = privateDir(`${which}-${name.replace(/\W+/g, '-')}`, [`unix_sock_dir = "${join(sandbox, 'unused')}"`], which === 'libvirtd');
        const names = units(which);
        const daemon = activate(
          dir,
          names.map((u, i) => [u, join(dir, `s${i}.sock`)]),
          daemonCommand(which, ['-f', conf, ...extra]),
        );
        await until(() => existsSync(join(dir, 's0.sock')));
        const client = virsh(['-c', `test+unix:///default?socket=${join(dir, 's0.sock')}`, 'uri']);
        await exited(daemon.child);
        return { client, exit: daemon.child.exitCode, errors: errors(daemon.log()).filter((l) => !/dnsmasq|DBus|bus connection|udev|kvm/i.test(l)) };
      };
      const [ours, theirs] = await Promise.all([outcome('virtd-ts'), outcome('libvirtd')]);
      expect(ours).toEqual(theirs);
      expect(theirs.exit).not.toBe(0);
    });
  }
});

describe('socket activation from a parent holding the sockets', () => {
  /** A listening TCP socket of this process, and its descriptor (Node keeps it on the handle). */
  async function listening(): Promise<{ srv: Server; fd: number; port: number }> {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    return { srv, fd: (srv as unknown as { _handle: { fd: number } })._handle.fd, port: (srv.address() as { port: number }).port };
  }

  /**
   * Starts `command` with our socket as its fd 3 and systemd's variables; LISTEN_PID must be
   * the daemon's own pid, so a shell sets it and execs (the pid stays the same).
   */
  function handOver(fd: number, dir: string, command: string[], env: Record<string, string>): ChildProcess {
    const child = spawn('sh', ['-c', 'LISTEN_PID=$$ exec "$@"', 'sh', ...command], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: join(dir, 'home'), XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C', ...env },
      stdio: ['ignore', 'ignore', 'pipe', fd],
    });
    started.push(child);
    return child;
  }

  it('a tcp socket passed as fd 3 with LISTEN_FDS/LISTEN_FDNAMES is served', async () => {
    const { srv, fd, port } = await listening();
    const { dir, conf } = privateDir('fd-parent', [`unix_sock_dir = "${join(sandbox, 'fd-parent', 'run')}"`], false);
    const child = handOver(fd, dir, daemonCommand('virtd-ts', ['-f', conf]), { LISTEN_FDS: '1', LISTEN_FDNAMES: 'virtd-ts-tcp.socket' });
    // The daemon holds its own copy now; ours stops accepting.
    await new Promise((r) => srv.close(r));
    const script = 'list --all; net-list --all';
    const want = virsh(['-c', 'test:///default', script]);
    await until(async () => (await canConnect({ host: '127.0.0.1', port })) || child.exitCode !== null);
    expect(virsh(['-c', `test+tcp://127.0.0.1:${port}/default`, script])).toEqual(want);
  });

  const broken: [name: string, env: Record<string, string>][] = [
    ['no LISTEN_FDNAMES', { LISTEN_FDS: '1' }],
    ['fewer names than fds', { LISTEN_FDS: '2', LISTEN_FDNAMES: 'X-tcp.socket' }],
  ];
  for (const [name, env] of broken) {
    it(`${name}: refused as libvirtd refuses it`, async () => {
      const outcome = async (which: 'virtd-ts' | 'libvirtd') => {
        const { srv, fd } = await listening();
        const { dir, conf } = privateDir(`fd-${which}-${name.replace(/\W+/g, '-')}`, [`unix_sock_dir = "${join(sandbox, 'unused')}"`], which === 'libvirtd');
        const names: Record<string, string> = env.LISTEN_FDNAMES ? { LISTEN_FDNAMES: env.LISTEN_FDNAMES.replace('X', which) } : {};
        const child = handOver(fd, dir, daemonCommand(which, ['-f', conf]), { ...env, ...names });
        srv.close();
        let log = '';
        child.stderr!.on('data', (b) => (log += b));
        await exited(child);
        return { exit: child.exitCode, errors: errors(log).filter((l) => !/dnsmasq|DBus|bus connection|udev|kvm/i.test(l)) };
      };
      const [ours, theirs] = await Promise.all([outcome('virtd-ts'), outcome('libvirtd')]);
      expect(ours).toEqual(theirs);
      expect(theirs.exit).not.toBe(0);
    });
  }
});

describe('pid file and idle timeout', () => {
  let libvirtd: Libvirtd;
  beforeAll(async () => {
    libvirtd = await startLibvirtd();
  }, 60_000);
  afterAll(async () => {
    await libvirtd?.stop();
  });

  function startOurs(name: string, args: string[]): { child: ChildProcess; dir: string; socket: string; pidFile: string } {
    const { dir, conf } = privateDir(name, [`unix_sock_dir = "${join(sandbox, name, 'run')}"`, 'listen_tls = 0'], false);
    mkdirSync(join(dir, 'run'));
    const pidFile = join(dir, 'virtd-ts.pid');
    const env = { ...process.env, VIRTD_TS_QEMU_ROOT: join(dir, 'qemu') };
    const child = spawn(process.execPath, [virtdBin, '-f', conf, '-p', pidFile, ...args], { cwd: dir, env, stdio: 'ignore' });
    started.push(child);
    return { child, dir, socket: join(dir, 'run', 'libvirt-sock'), pidFile };
  }

  it('-p: the pid file holds the pid as libvirtd writes it, is refused to a second daemon, and goes at exit', async () => {
    const ours = startOurs('pid', []);
    await until(async () => existsSync(ours.socket) && (await canConnect({ path: ours.socket })));
    const shape = (text: string, pid: number) => text.replace(String(pid), 'PID');
    expect(shape(readFileSync(ours.pidFile, 'utf8'), ours.child.pid!)).toBe(shape(readFileSync(join(libvirtd.dir, 'libvirtd.pid'), 'utf8'), libvirtd.pid));
    // A second daemon on the same pid file leaves it alone, as a second libvirtd does.
    const second = (cmd: string[], pidFile: string) => {
      const r = spawnSync(cmd[0], cmd.slice(1), {
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH, HOME: join(libvirtd.dir, 'home'), XDG_RUNTIME_DIR: join(libvirtd.dir, 'xdg'), LANG: 'C' },
      });
      return { code: r.status, errors: errors(r.stderr).map((l) => l.replace(pidFile, 'PIDFILE')) };
    };
    const theirPidFile = join(libvirtd.dir, 'libvirtd.pid');
    const theirs = second(daemonCommand('libvirtd', ['-f', join(libvirtd.dir, 'libvirtd.conf'), '-p', theirPidFile]), theirPidFile);
    expect(second(daemonCommand('virtd-ts', ['-f', join(ours.dir, 'daemon.conf'), '-p', ours.pidFile]), ours.pidFile)).toEqual(theirs);
    expect(theirs.code).not.toBe(0);
    expect(theirs.errors).toHaveLength(1);
    expect(readFileSync(ours.pidFile, 'utf8')).toBe(String(ours.child.pid));
    ours.child.kill('SIGTERM');
    await exited(ours.child);
    expect(ours.child.exitCode).toBe(0);
    expect(existsSync(ours.pidFile)).toBe(false);
  });

  it('-p: a daemon killed with SIGKILL but not yet reaped holds its pid file no more, as libvirtd', async () => {
    const outcome = async (which: 'virtd-ts' | 'libvirtd') => {
      const name = `zombie-${which}`;
      const runDir = join(sandbox, name, 'run');
      const { dir, conf } = privateDir(name, [`unix_sock_dir = "${runDir}"`, 'listen_tls = 0', 'listen_tcp = 0'], which === 'libvirtd');
      mkdirSync(runDir);
      if (which === 'libvirtd' && root) chownSync(runDir, NOBODY, NOBODY);
      const pidFile = join(dir, 'daemon.pid');
      const cmd = daemonCommand(which, ['-f', conf, '-p', pidFile]);
      const env = { PATH: process.env.PATH, HOME: join(dir, 'home'), XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C', VIRTD_TS_QEMU_ROOT: join(dir, 'qemu') };
      // A parent that never reaps: the shell sleeps in place of waiting for its background job.
      const parent = spawn('sh', ['-c', 'exec 3>"$1"; shift; "$@" 3>&- & echo $! >&3; exec 3>&- sleep 60', 'sh', join(dir, 'first'), ...cmd], { cwd: dir, env, stdio: 'ignore' });
      started.push(parent);
      const socket = join(runDir, 'libvirt-sock');
      await until(async () => existsSync(socket) && (await canConnect({ path: socket })));
      const first = Number(readFileSync(join(dir, 'first'), 'utf8'));
      process.kill(first, 'SIGKILL');
      await until(() => readFileSync(`/proc/${first}/stat`, 'utf8').split(') ')[1].startsWith('Z'));
      const second = spawn(cmd[0], cmd.slice(1), { cwd: dir, env, stdio: 'ignore' });
      started.push(second);
      const serving = await Promise.race([
        until(async () => readFileSync(pidFile, 'utf8') === String(second.pid) && (await canConnect({ path: socket }))).then(() => 'serving'),
        exited(second).then(() => `exited ${second.exitCode}`),
      ]);
      second.kill('SIGTERM');
      parent.kill('SIGKILL');
      await Promise.all([exited(second), exited(parent)]);
      return serving;
    };
    const [ours, theirs] = await Promise.all([outcome('virtd-ts'), outcome('libvirtd')]);
    expect(ours).toBe(theirs);
    expect(theirs).toBe('serving');
  });

  it('-t: stays up while a client is connected, leaves by itself once none is', async () => {
    const ours = startOurs('idle', ['-t', '1']);
    await until(() => existsSync(ours.socket));
    const client: Socket = createConnection({ path: ours.socket });
    await new Promise((r) => client.once('connect', r));
    // Longer than the timeout, with a client: still serving.
    await new Promise((r) => setTimeout(r, 1500));
    expect(ours.child.exitCode).toBeNull();
    expect(virsh(['-c', `test+unix:///default?socket=${ours.socket}`, 'uri']).code).toBe(0);
    client.destroy();
    await exited(ours.child);
    expect(ours.child.exitCode).toBe(0);
    expect(existsSync(ours.pidFile)).toBe(false);
    expect(existsSync(ours.socket)).toBe(false);
  });
});
