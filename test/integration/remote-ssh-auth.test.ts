// Wrong credentials over ssh, compared live: real virsh 9.0 and virsh-ts against a private
// sshd that offers passwords (none of which is right), through libvirt's built-in libssh2
// session (agent, key, auth.conf and prompted passwords, sshauth=) and through the OpenSSH
// client (with and without BatchMode). Each run has no controlling terminal (setsid) and its
// own mount namespace with a sandbox home over the passwd home, where OpenSSH looks for ~/.ssh.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../conformance/cases.mjs';
import { exited } from '../helpers/daemon-process.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const here = dirname(fileURLToPath(import.meta.url));
const virshTs = join(here, '..', '..', 'bin', 'virsh-ts');
const sandbox = mkdtempSync(join(tmpdir(), 'virsh-ssh-auth-'));

/** `trusted` knows the host key; `authconf` also has a libvirt auth.conf with a wrong password. */
type Home = 'trusted' | 'authconf';
const homeOf = (name: Home) => join(sandbox, name);
const agentSocket = join(sandbox, 'agent.sock');

interface Run {
  home?: Home;
  /** What the user types (ends with end of input). */
  input?: string;
  /** Run with the test's ssh-agent (which holds a key the server refuses). */
  agent?: boolean;
}

function run(program: string, args: string[], uri: string, opts: Run) {
  const dir = homeOf(opts.home ?? 'trusted');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), LANG: 'C', LC_ALL: 'C', TERM: 'dumb' };
  if (opts.agent) env.SSH_AUTH_SOCK = agentSocket;
  const r = spawnSync(
    'setsid',
    ['-w', 'unshare', '-m', 'sh', '-c', 'mount --bind "$1" "$2" && shift 2 && exec "$@"', 'sh', dir, userInfo().homedir, program, '-c', uri, ...args],
    { cwd: dir, env, input: opts.input ?? '', encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' },
  );
  if (r.error) throw r.error;
  return { stdout: normalize(r.stdout), stderr: normalize(r.stderr), code: r.status };
}

let daemon: Libvirtd;
let sshd: Sshd;
let agent: ChildProcess;
beforeAll(async () => {
  [daemon, sshd] = await Promise.all([startLibvirtd(), startSshd({ passwords: true })]);
  for (const home of ['trusted', 'authconf'] as const) {
    mkdirSync(join(homeOf(home), '.ssh'), { recursive: true, mode: 0o700 });
    mkdirSync(join(homeOf(home), '.config', 'libvirt'), { recursive: true });
    writeFileSync(join(homeOf(home), '.ssh', 'known_hosts'), sshd.knownHostsLine);
    writeFileSync(join(homeOf(home), '.config', 'libvirt', 'known_hosts'), sshd.knownHostsLine);
  }
  const authConf = '[credentials-wrong]\nusername=root\npassword=not-the-password\n\n[auth-ssh-127.0.0.1]\ncredentials=wrong\n';
  writeFileSync(join(homeOf('authconf'), '.config', 'libvirt', 'auth.conf'), authConf);
  writeFileSync(join(sandbox, 'auth.conf'), authConf);
  writeFileSync(join(sandbox, 'dangling.conf'), '[auth-ssh-127.0.0.1]\ncredentials=nowhere\n');
  agent = spawn('ssh-agent', ['-D', '-a', agentSocket], { stdio: 'ignore' });
  for (let i = 0; ; i++) {
    const add = spawnSync('ssh-add', ['-q', sshd.strangerKeyfile], { env: { PATH: process.env.PATH, SSH_AUTH_SOCK: agentSocket }, stdio: 'ignore' });
    if (add.status === 0) break;
    if (i === 100) throw new Error('ssh-agent did not take the key');
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);
afterAll(async () => {
  if (agent && agent.exitCode === null) {
    agent.kill('SIGTERM');
    await exited(agent);
  }
  await Promise.all([daemon?.stop(), sshd?.stop()]);
  rmSync(sandbox, { recursive: true, force: true });
});

const uri = (scheme: string, query = '', user = 'root') => `${scheme}://${user}@127.0.0.1:${sshd.port}/default?socket=${daemon.socket}${query}`;

const scenarios: [string, () => string, Run?][] = [
  ['libssh2: no key, no agent, passwords asked until the server hangs up', () => uri('test+libssh2')],
  ['libssh2: wrong password typed, then end of input', () => uri('test+libssh2', '&sshauth=password'), { input: 'wrong\nworse\n' }],
  ['libssh2: wrong password from authfile=', () => uri('test+libssh2', `&authfile=${join(sandbox, 'auth.conf')}`)],
  ['libssh2: wrong password from the user\'s auth.conf', () => uri('test+libssh2'), { home: 'authconf' }],
  ['libssh2: auth.conf naming a missing credentials group', () => uri('test+libssh2', `&authfile=${join(sandbox, 'dangling.conf')}`)],
  ['libssh2: authfile= that does not exist', () => uri('test+libssh2', `&authfile=${join(sandbox, 'nonexistent.conf')}`)],
  ['libssh2: wrong key, then passwords', () => uri('test+libssh2', `&keyfile=${sshd.strangerKeyfile}`)],
  ['libssh2: wrong key only', () => uri('test+libssh2', `&sshauth=privkey&keyfile=${sshd.strangerKeyfile}`)],
  ['libssh2: privkey without a key file', () => uri('test+libssh2', '&sshauth=privkey')],
  ['libssh2: agent only, no agent running', () => uri('test+libssh2', '&sshauth=agent')],
  ['libssh2: agent whose key the server refuses', () => uri('test+libssh2', '&sshauth=agent'), { agent: true }],
  ['libssh2: agent refused, then passwords', () => uri('test+libssh2'), { agent: true }],
  ['libssh2: keyboard-interactive the server does not offer', () => uri('test+libssh2', '&sshauth=keyboard-interactive')],
  ['libssh2: agent and keyboard-interactive both fail', () => uri('test+libssh2', '&sshauth=agent,keyboard-interactive')],
  ['libssh2: unknown sshauth method', () => uri('test+libssh2', '&sshauth=agent,telepathy')],
  ['ssh: no key, empty passwords without a terminal', () => uri('test+ssh')],
  ['ssh: no key, BatchMode (no_tty)', () => uri('test+ssh', '&no_tty=1')],
  ['ssh: wrong key, then empty passwords', () => uri('test+ssh', `&keyfile=${sshd.strangerKeyfile}`)],
  ['ssh: wrong key, BatchMode', () => uri('test+ssh', `&keyfile=${sshd.strangerKeyfile}&no_tty=1`)],
  ['ssh: agent whose key the server refuses, BatchMode', () => uri('test+ssh', '&no_tty=1'), { agent: true }],
  ['ssh: a user the server does not know', () => uri('test+ssh', '&no_tty=1', 'nosuchuser')],
];

describe('wrong ssh credentials', () => {
  it('the right key logs in through the same server (control)', () => {
    const control = uri('test+libssh2', `&keyfile=${sshd.keyfile}`);
    const want = run('virsh', ['list', '--all'], control, {});
    expect(want.code).toBe(0);
    expect(run(virshTs, ['list', '--all'], control, {})).toEqual(want);
  });
  for (const [name, uriOf, opts = {}] of scenarios) {
    it(name, () => {
      const args = ['list', '--all'];
      expect(run(virshTs, args, uriOf(), opts), sshd.log()).toEqual(run('virsh', args, uriOf(), opts));
    });
  }
});
