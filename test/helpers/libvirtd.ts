// A private libvirtd 9.0 for integration tests: its own config, unix socket directory and
// loopback TCP port, run as an unprivileged user (nobody when the tests run as root) so it
// opens session-mode drivers and never touches the host's system daemon state.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { canConnect, freePort, superviseDaemon } from './daemon-process.js';
import { holdSystemLibvirtd } from './system-lock.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LIBVIRTD = '/usr/sbin/libvirtd';
const NOBODY = 65534;

export interface Libvirtd {
  dir: string;
  /** The read-write unix socket. */
  socket: string;
  /** The admin socket (opened by an unprivileged libvirtd only with `sessionSockets`). */
  adminSocket: string;
  tcpPort: number;
  /** URIs reaching the daemon's test driver (test:///default) over each transport. */
  unixURI: string;
  tcpURI: string;
  /** The TLS port when started with `tls`. */
  tlsPort?: number;
  pid: number;
  /** What the daemon logged so far (errors and warnings), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

async function allConnect(ports: number[]): Promise<boolean> {
  for (const port of ports) if (!(await canConnect({ host: '127.0.0.1', port }))) return false;
  return true;
}

export interface LibvirtdOptions {
  /** Listen for TLS on 127.0.0.1 with these files (server key/cert and the CA it trusts). */
  tls?: { key: string; cert: string; ca: string };
  /** More libvirtd.conf lines (e.g. tls_allowed_dn_list). */
  extra?: string[];
  /**
   * No unix_sock_dir: the session daemon's own layout under $XDG_RUNTIME_DIR/libvirt,
   * the only one where an unprivileged libvirtd opens its admin socket.
   */
  sessionSockets?: boolean;
  /**
   * Run as root, so the daemon's QEMU driver is qemu:///system (system paths under /etc,
   * /var and /run/libvirt; sockets stay private). Start guests only with a virtlogd up.
   */
  system?: boolean;
}

/** Starts the daemon and resolves once its unix socket and TCP (and TLS) ports accept connections. */
export async function startLibvirtd(options: LibvirtdOptions = {}): Promise<Libvirtd> {
  if (!existsSync(LIBVIRTD)) {
    throw new Error(`${LIBVIRTD} is missing: install Debian's libvirt-daemon-system (libvirt 9.0) to run these tests`);
  }
  const root = process.geteuid?.() === 0;
  if (options.system && !root) throw new Error('startLibvirtd({ system: true }) needs root: the QEMU driver of qemu:///system');
  const release = options.system ? await holdSystemLibvirtd() : () => undefined;
  const dropPrivileges = root && !options.system;
  const dir = mkdtempSync(join(tmpdir(), 'virsh-ts-libvirtd-'));
  chmodSync(dir, 0o755);
  for (const d of ['run', 'xdg', 'home']) mkdirSync(join(dir, d));
  const tcpPort = await freePort();
  const tlsPort = options.tls ? await freePort() : undefined;
  // The daemon's own copies, inside its directory, so the unprivileged daemon can read them.
  const tlsFile = (name: string, from: string) => {
    copyFileSync(from, join(dir, name));
    return join(dir, name);
  };
  const tls = options.tls
    ? [
        `tls_port = "${tlsPort}"`,
        `key_file = "${tlsFile('serverkey.pem', options.tls.key)}"`,
        `cert_file = "${tlsFile('servercert.pem', options.tls.cert)}"`,
        `ca_file = "${tlsFile('cacert.pem', options.tls.ca)}"`,
      ]
    : [];
  const conf = join(dir, 'libvirtd.conf');
  writeFileSync(
    conf,
    [
      `listen_tls = ${options.tls ? 1 : 0}`,
      ...tls,
      'listen_tcp = 1',
      'listen_addr = "127.0.0.1"',
      `tcp_port = "${tcpPort}"`,
      'auth_tcp = "none"',
      'auth_unix_rw = "none"',
      'auth_unix_ro = "none"',
      ...(options.sessionSockets ? [] : [`unix_sock_dir = "${join(dir, 'run')}"`]),
      'unix_sock_rw_perms = "0777"',
      'unix_sock_ro_perms = "0777"',
      'log_outputs = "3:stderr"',
      ...(options.extra ?? []),
      '',
    ].join('\n'),
  );
  const owned = ['', 'run', 'xdg', 'home', ...(options.tls ? ['serverkey.pem', 'servercert.pem', 'cacert.pem'] : [])];
  if (dropPrivileges) for (const d of owned) chownSync(join(dir, d), NOBODY, NOBODY);
  const env = {
    PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: join(dir, 'home'),
    XDG_RUNTIME_DIR: join(dir, 'xdg'),
    XDG_CONFIG_HOME: join(dir, 'home', '.config'),
    XDG_CACHE_HOME: join(dir, 'home', '.cache'),
    LANG: 'C',
  };
  const args = ['--listen', '-f', conf, '-p', join(dir, 'libvirtd.pid')];
  const [cmd, argv] = dropPrivileges
    ? ['setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', LIBVIRTD, ...args]]
    : [LIBVIRTD, args];
  const child = spawn(cmd, argv, { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const sockDir = options.sessionSockets ? join(dir, 'xdg', 'libvirt') : join(dir, 'run');
  const socket = join(sockDir, 'libvirt-sock');
  const ports = tlsPort ? [tcpPort, tlsPort] : [tcpPort];
  const supervised = await superviseDaemon(
    'libvirtd',
    child,
    dir,
    async () => existsSync(socket) && (await canConnect({ path: socket })) && (await allConnect(ports)),
    100,
  ).catch((e) => {
    release();
    throw e;
  });
  const { log } = supervised;
  const stop = () => supervised.stop().finally(release);
  return {
    dir,
    socket,
    adminSocket: join(sockDir, 'libvirt-admin-sock'),
    tcpPort,
    unixURI: `test+unix:///default?socket=${socket}`,
    tcpURI: `test+tcp://127.0.0.1:${tcpPort}/default`,
    tlsPort,
    pid: child.pid!,
    log,
    stop,
  };
}
