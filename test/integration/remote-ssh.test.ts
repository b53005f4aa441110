// Live comparison over ssh: real virsh (which runs the system ssh) and virsh-ts (ssh2,
// in-process) reach the private libvirtd through a private sshd on 127.0.0.1. OpenSSH
// reads ~/.ssh from the passwd entry's home, not $HOME, so each run happens in its own
// mount namespace with a sandbox home mounted over that directory: the runs see the test's
// known_hosts and config and the user's real ~/.ssh is never read or written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, runNormalized, virshTs } from '../helpers/compare-runs.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const sandbox = mkdtempSync(join(tmpdir(), 'virsh-ssh-'));
const cases = loadCases(join(import.meta.dirname, 'remote.cases'));

/** Sandbox homes: `trusted` knows the server's host key and has an ssh config alias; `empty` knows nothing. */
const homeOf = (name: 'trusted' | 'empty') => join(sandbox, name);

function run(program: string, args: string[], uri: string, home: 'trusted' | 'empty') {
  const dir = homeOf(home);
  return runNormalized('unshare', ['-m', 'sh', '-c', 'mount --bind "$1" "$2" && shift 2 && exec "$@"', 'sh', dir, userInfo().homedir, program, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), LANG: 'C', LC_ALL: 'C', TERM: 'dumb', LIBVIRT_DEFAULT_URI: uri },
    timeout: 30_000,
  });
}

let daemon: Libvirtd;
let sshd: Sshd;
beforeAll(async () => {
  [daemon, sshd] = await Promise.all([startLibvirtd(), startSshd()]);
  for (const home of ['trusted', 'empty'] as const) mkdirSync(join(homeOf(home), '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(join(homeOf('trusted'), '.ssh', 'known_hosts'), sshd.knownHostsLine);
  writeFileSync(
    join(homeOf('trusted'), '.ssh', 'config'),
    `Host vmhost\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${sshd.keyfile}\n`,
  );
  mkdirSync(join(homeOf('trusted'), '.config', 'libvirt'), { recursive: true });
  writeFileSync(join(homeOf('trusted'), '.config', 'libvirt', 'known_hosts'), sshd.knownHostsLine);
}, 120_000);
afterAll(async () => {
  await Promise.all([daemon?.stop(), sshd?.stop()]);
  rmSync(sandbox, { recursive: true, force: true });
});

const sshURI = (scheme: string, query: string, host = `root@127.0.0.1:${sshd.port}`) => `${scheme}://${host}/default?${query}`;
const via = (extra = '') => `socket=${daemon.socket}&keyfile=${sshd.keyfile}${extra}`;

describe('remote driver over ssh', () => {
  for (const c of cases) {
    it(c.name, () => {
      const uri = sshURI('test+ssh', via());
      expect(run(virshTs, c.args, uri, 'trusted'), sshd.log()).toEqual(run('virsh', c.args, uri, 'trusted'));
    });
  }
});

describe('ssh transports and options', () => {
  const scenarios: [string, () => string, 'trusted' | 'empty'][] = [
    ['~/.ssh/config Host alias (HostName, Port, User, IdentityFile)', () => sshURI('test+ssh', `socket=${daemon.socket}`, 'vmhost'), 'trusted'],
    ['libssh2 with known_hosts=', () => sshURI('test+libssh2', via(`&known_hosts=${join(homeOf('trusted'), '.ssh', 'known_hosts')}`)), 'trusted'],
    ['libssh2 with libvirt\'s own known_hosts', () => sshURI('test+libssh2', via()), 'trusted'],
    ['libssh with known_hosts=', () => sshURI('test+libssh', via(`&known_hosts=${join(homeOf('trusted'), '.ssh', 'known_hosts')}`)), 'trusted'],
    ['read-only', () => sshURI('test+ssh', via()), 'trusted'],
    ['unknown host key', () => sshURI('test+ssh', via()), 'empty'],
    ['unknown host key with no_tty', () => sshURI('test+ssh', via('&no_tty=1')), 'empty'],
    ['unknown host key with no_verify', () => sshURI('test+ssh', via('&no_verify=1')), 'empty'],
    ['key the server does not accept', () => sshURI('test+ssh', `socket=${daemon.socket}&keyfile=${sshd.strangerKeyfile}`), 'trusted'],
    ['nothing listening on the port', () => sshURI('test+ssh', via(), 'root@127.0.0.1:1'), 'trusted'],
    ['netcat that does not exist', () => sshURI('test+ssh', via('&netcat=/nonexistent/nc')), 'trusted'],
    ['native proxy with netcat', () => sshURI('test+ssh', via('&proxy=native&netcat=nc')), 'trusted'],
    ['libssh2 unknown host key (prompt answered by end of input)', () => sshURI('test+libssh2', via()), 'empty'],
    ['libssh unknown host key (prompt answered by end of input)', () => sshURI('test+libssh', via()), 'empty'],
    ['libssh2 key the server does not accept', () => sshURI('test+libssh2', `socket=${daemon.socket}&keyfile=${sshd.strangerKeyfile}`), 'trusted'],
  ];
  for (const [name, uri, home] of scenarios) {
    it(name, () => {
      const args = name === 'read-only' ? ['-r', 'list --all; destroy test'] : ['list', '--all'];
      expect(run(virshTs, args, uri(), home), sshd.log()).toEqual(run('virsh', args, uri(), home));
    });
  }
});
