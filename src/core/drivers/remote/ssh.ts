import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { AnyAuthMethod, AuthenticationType, Client, ClientChannel, ConnectConfig, NextAuthHandler } from 'ssh2';
import { VirError, virErr } from '../../errors.js';
import { ErrorCodes, ErrorDomains } from '../../error-codes.js';
import { authConfigPath } from './auth-config.js';
import { checkHostKey, knownHostName } from './known-hosts.js';
import { countAgentIdentities, libssh2Authenticate, libssh2Methods, type Attempt, type Outcome } from './libssh2-auth.js';
import { askLine, keyboardInteractive } from './prompt.js';
import { sshHostConfig } from './ssh-config.js';
import type { Link } from './transport.js';
import { connectTcp } from './tcp.js';

/**
 * The ssh transports over ssh2, in-process. `ssh` behaves as the OpenSSH client libvirt
 * runs (~/.ssh/config, ~/.ssh/known_hosts, its failure texts, which libvirt shows as the
 * dead helper's stderr); `libssh2` and `libssh` behave as libvirt's built-in sessions
 * (user root by default, libvirt's own known_hosts, host keys confirmed through a prompt).
 */
export type SshFlavor = 'ssh' | 'libssh2' | 'libssh';

export interface SshOptions {
  flavor: SshFlavor;
  host: string;
  /** The URI's port and user, when it has them. */
  port?: number;
  user?: string;
  keyfile?: string;
  knownHosts?: string;
  /** known_hosts_verify= for libssh2/libssh: normal, auto or ignore. */
  knownHostsVerify?: string;
  noVerify: boolean;
  noTty: boolean;
  /** sshauth= (libssh2/libssh): the authentication methods to try, in order. */
  sshauth?: string;
  /** authfile=: the auth.conf to take passwords from. */
  authfile?: string;
  /** The helper command the far side runs (sshHelperCommand). */
  command: string;
}

const rpcError = (message: string) => new VirError(ErrorCodes.SYSTEM_ERROR[0], message, ErrorDomains.RPC);

/** An OpenSSH client failure, as libvirt reports the ssh child that died before reading our call. */
const sshDied = (stderr: string) => rpcError(`Cannot recv data: ${stderr}: Connection reset by peer`);

/** The built-in sessions' own errors. */
function sessionError(flavor: SshFlavor, message: string): VirError {
  return virErr(flavor === 'libssh' ? 'LIBSSH' : 'SSH', message, flavor === 'libssh' ? 'LIBSSH' : 'SSH');
}

/**
 * ssh2, required only when an ssh URI is opened (the CLI bundle is CommonJS run from a
 * code cache, where dynamic import() is unavailable; ssh2 stays outside the bundle).
 */
function loadSsh2(): typeof import('ssh2') {
  return createRequire(__filename)('ssh2') as typeof import('ssh2');
}

/** glib's home (libvirt's own files) honours $HOME; OpenSSH's `~` is the passwd entry's. */
const home = () => process.env.HOME || homedir();
const sshHome = () => userInfo().homedir;

/** ssh's default identities in `dir`, those that exist. */
function defaultIdentities(dir: string): string[] {
  return ['id_rsa', 'id_ecdsa', 'id_ecdsa_sk', 'id_ed25519', 'id_ed25519_sk', 'id_dsa'].map((n) => join(dir, '.ssh', n)).filter((p) => existsSync(p));
}

/** virNetClientFindDefaultSshKey: the first of libvirt's candidates in ~/.ssh that exists. */
function libvirtDefaultKey(dir: string): string[] {
  const found = ['identity', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_rsa'].map((n) => join(dir, '.ssh', n)).find((p) => existsSync(p));
  return found ? [found] : [];
}

interface Resolved {
  hostname: string;
  port: number;
  user: string;
  identities: string[];
  knownHostsFiles: string[];
  hostKeyName: string;
  proxyJump?: string;
  interactive: boolean;
  /** OpenSSH's BatchMode (no_tty=1 or the config): no password attempts at all. */
  batch: boolean;
  /** Accept unknown host keys without asking (no_verify / StrictHostKeyChecking=no). */
  acceptNew: boolean;
}

function resolve(o: SshOptions): Resolved {
  const interactiveTty = process.stdin.isTTY === true && !o.noTty;
  if (o.flavor !== 'ssh') {
    const port = o.port || 22;
    const config = process.env.XDG_CONFIG_HOME || join(home(), '.config');
    return {
      hostname: o.host,
      port,
      user: o.user ?? 'root',
      identities: o.keyfile ? [o.keyfile] : libvirtDefaultKey(home()),
      knownHostsFiles: [o.knownHosts ?? join(config, 'libvirt', 'known_hosts')],
      hostKeyName: knownHostName(o.host, port),
      interactive: interactiveTty,
      batch: false,
      acceptNew: o.knownHostsVerify === 'auto' || o.knownHostsVerify === 'ignore',
    };
  }
  const cfg = sshHostConfig(o.host);
  const hostname = cfg.hostname ?? o.host;
  const port = o.port || cfg.port || 22;
  const configured = [...(o.keyfile ? [o.keyfile] : []), ...cfg.identityFiles];
  return {
    hostname,
    port,
    user: o.user ?? cfg.user ?? userInfo().username,
    identities: configured.length ? configured : defaultIdentities(sshHome()),
    knownHostsFiles: [
      ...(cfg.userKnownHostsFiles ?? [join(sshHome(), '.ssh', 'known_hosts'), join(sshHome(), '.ssh', 'known_hosts2')]),
      ...(cfg.globalKnownHostsFiles ?? ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2']),
    ],
    hostKeyName: knownHostName(cfg.hostKeyAlias ?? hostname, port),
    proxyJump: cfg.proxyJump && cfg.proxyJump !== 'none' ? cfg.proxyJump : undefined,
    interactive: interactiveTty && !cfg.batchMode,
    batch: o.noTty || cfg.batchMode === true,
    acceptNew: o.noVerify || cfg.strictHostKeyChecking === 'no' || cfg.strictHostKeyChecking === 'accept-new',
  };
}

/** The key's type name, from the blob's first string. */
const keyType = (key: Buffer) => key.subarray(4, 4 + key.readUInt32BE(0)).toString();

/** libssh2 shows MD5 upper-case, libssh SHA-256 lower-case, both colon-separated. */
function sessionHash(flavor: SshFlavor, key: Buffer): string {
  const digest = createHash(flavor === 'libssh2' ? 'md5' : 'sha256').update(key).digest('hex');
  const pairs = digest.match(/../g)!.join(':');
  return flavor === 'libssh2' ? pairs.toUpperCase() : pairs;
}

/** The host key decision; resolves with an error to report, or undefined to go on. */
async function verifyHost(o: SshOptions, r: Resolved, key: Buffer): Promise<VirError | undefined> {
  if (o.flavor !== 'ssh' && o.knownHostsVerify === 'ignore') return undefined;
  const status = checkHostKey(r.knownHostsFiles, r.hostKeyName, key);
  if (status === 'ok') return undefined;
  if (o.flavor !== 'ssh') {
    if (status !== 'new') return sessionError(o.flavor, `!!! SSH HOST KEY VERIFICATION FAILED !!!: Identity of host '${o.host}:${r.port}' differs from stored identity. Please verify the new host key '${sessionHash(o.flavor, key)}' to avoid possible man in the middle attack. The key is stored in '${r.knownHostsFiles[0]}'.`);
    if (r.acceptNew) return undefined;
    const hash = sessionHash(o.flavor, key);
    const answer = await askLine(`Accept SSH host key with hash '${hash}' for host '${o.host}:${r.port}' (y/n)?: `, true);
    if (answer?.toLowerCase() === 'y') return undefined;
    return sessionError(o.flavor, `SSH host key for '${o.host}' (${hash}) was not accepted`);
  }
  if (status === 'new' && r.acceptNew) return undefined;
  if (status === 'new' && r.interactive) {
    const fp = createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
    const type = keyType(key).replace(/^ssh-/, '').toUpperCase();
    process.stderr.write(
      `The authenticity of host '${r.hostKeyName} (${r.hostKeyName})' can't be established.\n${type} key fingerprint is SHA256:${fp}.\nThis key is not known by any other names.\n`,
    );
    const answer = await askLine('Are you sure you want to continue connecting (yes/no/[fingerprint])? ', true);
    if (answer === 'yes' || answer === `SHA256:${fp}`) return undefined;
  }
  return sshDied('Host key verification failed.');
}

function readKey(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The methods we offer, in ssh's order: agent, key files, then (only when a person can answer) passwords. */
function authMethods(r: Resolved): AnyAuthMethod[] {
  const username = r.user;
  // The "none" request first, as ssh sends it, whose refusal names the server's methods.
  const methods: AnyAuthMethod[] = [{ type: 'none', username }];
  if (process.env.SSH_AUTH_SOCK) methods.push({ type: 'agent', username, agent: process.env.SSH_AUTH_SOCK });
  for (const path of r.identities) {
    const key = readKey(path);
    if (key) methods.push({ type: 'publickey', username, key });
  }
  if (r.interactive) methods.push(keyboardInteractive(username));
  return methods;
}

/**
 * The password at the point ssh would send one (after the other methods failed): asked on
 * the terminal, or, with nobody to ask and no BatchMode, the empty one ssh's prompt yields.
 */
async function passwordMethod(r: Resolved): Promise<AnyAuthMethod | undefined> {
  if (!r.interactive) return { type: 'password', username: r.user, password: '' };
  const password = await askLine(`${r.user}@${r.hostname}'s password: `, false);
  return password === undefined ? undefined : { type: 'password', username: r.user, password };
}

/** What ssh prints on its way out after failed logins: a retry notice per rejected password but the last. */
function permissionDenied(r: Resolved, methods: AuthenticationType[], passwords: number): string {
  return `${'Permission denied, please try again.\r\n'.repeat(Math.max(0, passwords - 1))}${r.user}@${r.hostname}: Permission denied (${methods.join(',')}).`;
}

/**
 * What every session asks of ssh2: the link, the user, and the host key check, whose
 * verdict (an error to report, or undefined) goes to `hostVerdict` before the handshake goes on.
 */
function sessionConfig(o: SshOptions, r: Resolved, sock: Duplex, hostVerdict: (err: VirError | undefined) => void): ConnectConfig {
  return {
    sock: sock as ConnectConfig['sock'],
    username: r.user,
    readyTimeout: 60_000,
    hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
      void verifyHost(o, r, key).then((err) => {
        hostVerdict(err);
        verify(!err);
      });
    },
  };
}

/**
 * libssh2's session over ssh2: the handshake and host key check, then libvirt's own method
 * sequence (libssh2-auth.ts), each request answered before the next is chosen.
 */
async function connectLibssh2(o: SshOptions, r: Resolved, sock: Duplex, methods: string[]): Promise<Client> {
  const client = new (loadSsh2().Client)();
  let hostError: VirError | undefined;
  let next: NextAuthHandler | undefined;
  let offered: AuthenticationType[] = [];
  let answer: ((x: Outcome) => void) | undefined;
  let closed = false;
  let failure: Error | undefined;
  const settle = (x: Outcome) => {
    const a = answer;
    answer = undefined;
    a?.(x);
  };
  const attempt: Attempt = (method) =>
    new Promise((res) => {
      if (closed) return res('closed');
      answer = res;
      next!(method);
    });
  const started = new Promise<void>((res, rej) => {
    client.on('ready', () => settle('ok'));
    client.on('error', (err: Error) => {
      failure ??= err;
      closed = true;
      settle('closed');
      rej(err);
    });
    client.on('close', () => {
      closed = true;
      settle('closed');
      rej(failure ?? new Error('Connection closed'));
    });
    client.connect({
      ...sessionConfig(o, r, sock, (err) => (hostError = err)),
      authHandler: (left, _partial, handler) => {
        next = handler;
        if (left) offered = left;
        if (answer) settle('failed');
        else res();
      },
    });
  });
  const fail = (err: VirError) => {
    client.end();
    sock.destroy();
    return err;
  };
  try {
    await started;
  } catch (err) {
    throw fail(hostError ?? sessionError(o.flavor, (err as Error).message));
  }
  // libssh2_userauth_list: the "none" request whose refusal lists the server's methods.
  if ((await attempt({ type: 'none', username: r.user })) === 'ok') return client;
  try {
    await libssh2Authenticate(
      { username: r.user, hostname: o.host, keyfile: r.identities[0], authPath: authConfigPath(o.authfile), readKey, agentIdentities: countAgentIdentities },
      methods,
      attempt,
      offered,
    );
  } catch (err) {
    throw fail(err as VirError);
  }
  return client;
}

/** Opens an authenticated ssh2 connection to `r` over `sock`, or fails as the flavor does. */
async function connectClient(o: SshOptions, r: Resolved, sock: Duplex): Promise<Client> {
  const client = new (loadSsh2().Client)();
  const queue = authMethods(r);
  let serverMethods: AuthenticationType[] = [];
  // NumberOfPasswordPrompts; BatchMode sends none.
  let passwordTries = o.flavor === 'ssh' ? (r.batch ? 0 : 3) : r.interactive ? 3 : 0;
  let passwordsSent = 0;
  let hostError: VirError | undefined;
  const config: ConnectConfig = {
    ...sessionConfig(o, r, sock, (err) => (hostError = err)),
    authHandler: (left, _partial, next) => {
      if (left) serverMethods = left;
      const method = queue.shift();
      if (method) return next(method);
      if (passwordTries-- > 0 && serverMethods.includes('password')) {
        passwordsSent++;
        void passwordMethod(r).then((m) => (m ? next(m) : next(false as never)));
        return;
      }
      next(false as never);
    },
  };
  return new Promise((resolveClient, reject) => {
    client.once('ready', () => resolveClient(client));
    client.once('error', (err: Error & { level?: string }) => {
      client.end();
      sock.destroy();
      if (hostError) return reject(hostError);
      if (err.level === 'client-authentication') {
        if (o.flavor === 'ssh') return reject(sshDied(permissionDenied(r, serverMethods, passwordsSent)));
        return reject(virErr('AUTH_FAILED', 'All provided authentication methods with credentials were rejected by the server', o.flavor === 'libssh' ? 'LIBSSH' : 'SSH'));
      }
      if (o.flavor === 'ssh') return reject(sshDied(`Connection closed by ${r.hostname} port ${r.port}`));
      return reject(sessionError(o.flavor, err.message));
    });
    client.connect(config);
  });
}

/** The TCP link (directly, or through ProxyJump hosts for `ssh`), with ssh's failure texts. */
async function openSocket(o: SshOptions, r: Resolved): Promise<Duplex> {
  if (r.proxyJump) {
    const [first, ...rest] = r.proxyJump.split(',');
    const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(first);
    if (!m) throw sshDied(`ssh: Could not resolve hostname ${first}: Name or service not known`);
    const hop: SshOptions = { ...o, host: m[2].replace(/^\[|\]$/g, ''), user: m[1], port: m[3] ? Number(m[3]) : undefined, keyfile: undefined };
    const hopResolved = resolve(hop);
    if (rest.length) hopResolved.proxyJump = rest.join(',');
    else hopResolved.proxyJump = undefined;
    const jump = await connectClient(hop, hopResolved, await openSocket(hop, hopResolved));
    return new Promise((res, rej) => {
      jump.forwardOut('127.0.0.1', 0, r.hostname, r.port, (err, ch) => {
        if (err) {
          jump.end();
          rej(sshDied(`channel 0: open failed: connect failed: ${err.message}`));
          return;
        }
        ch.on('close', () => jump.end());
        res(ch);
      });
    });
  }
  try {
    return (await connectTcp(r.hostname, String(r.port))).stream;
  } catch (e) {
    if (o.flavor !== 'ssh') throw e;
    const reason = (e as VirError).message;
    if (reason.startsWith('Unable to resolve')) throw sshDied(`ssh: Could not resolve hostname ${r.hostname}: Name or service not known`);
    throw sshDied(`ssh: connect to host ${r.hostname} port ${r.port}: ${reason.replace(/^.*: /, '')}`);
  }
}

/** virNetClientNewSSH / NewLibSSH2 / NewLibssh: an ssh session running the helper command. */
export async function sshLink(o: SshOptions): Promise<Link> {
  const r = resolve(o);
  // libssh2's methods are checked as the session is set up, before any connection.
  const methods = o.flavor === 'libssh2' ? libssh2Methods(o.sshauth, r.identities[0]) : undefined;
  const sock = await openSocket(o, r);
  const client = methods ? await connectLibssh2(o, r, sock, methods) : await connectClient(o, r, sock);
  const channel = await new Promise<ClientChannel>((res, rej) => {
    client.exec(o.command, (err, ch) => {
      if (err) {
        client.end();
        rej(o.flavor === 'ssh' ? sshDied(err.message) : sessionError(o.flavor, `failed to execute command '${o.command}': ${err.message}`));
      } else {
        res(ch);
      }
    });
  });
  let errout = '';
  channel.stderr.on('data', (b: Buffer) => {
    errout = (errout + b.toString()).slice(0, 1024);
  });
  channel.on('close', () => client.end());
  channel.on('error', () => client.end());
  return {
    stream: channel,
    eofError: () => rpcError(`End of file while reading data: ${errout.trimEnd()}: Input/output error`),
  };
}
