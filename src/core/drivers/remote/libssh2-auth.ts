import { createConnection } from 'node:net';
import type { AnyAuthMethod, AuthenticationType } from 'ssh2';
import { VirError, virErr } from '../../errors.js';
import { authCredential } from './auth-config.js';
import { askLine, keyboardInteractive } from './prompt.js';

/**
 * libvirt's built-in libssh2 session authentication (virNetSSHAuthenticate): the methods of
 * `sshauth=` (default agent, privkey when a key exists, password, keyboard-interactive) tried
 * in that order against the list the server offers, each method's failure kept as libvirt
 * words it, and the same verdict at the end.
 */

/** One attempt's outcome as the ssh2 handshake reports it. */
export type Outcome = 'ok' | 'failed' | 'closed';

/** Sends one authentication request and waits for the server's answer. */
export type Attempt = (method: AnyAuthMethod) => Promise<Outcome>;

export interface Libssh2AuthOptions {
  username: string;
  /** The URI's host, which prompts and auth.conf lookups name. */
  hostname: string;
  keyfile: string | undefined;
  /** The auth.conf in effect, if any. */
  authPath: string | undefined;
  /** The private key's contents, when readable. */
  readKey: (path: string) => Buffer | undefined;
  /** ssh2's agent client, to count the agent's identities. */
  agentIdentities: (sock: string) => Promise<number>;
}

const sshError = (message: string) => virErr('SSH', message, 'SSH');
const authError = (message: string) => virErr('AUTH_FAILED', message, 'SSH');

/** Methods as libvirt accepts them (case-insensitive), checked before any connection is made. */
export function libssh2Methods(given: string | undefined, keyfile: string | undefined): string[] {
  const list = given ?? (keyfile ? 'agent,privkey,password,keyboard-interactive' : 'agent,password,keyboard-interactive');
  return list.split(',').map((m) => {
    const method = m.toLowerCase();
    if (!['keyboard-interactive', 'password', 'privkey', 'agent'].includes(method)) {
      throw virErr('INVALID_ARG', `Invalid authentication method: '${m}'`, 'RPC');
    }
    if (method === 'privkey' && !keyfile) throw sshError('Username and key file path must be provided for private key authentication');
    return method;
  });
}

/** 0 success, 1 rejected, 2 not offered, -1 error: virNetSSHAuthenticate*'s results. */
type Result = { code: 0 | 1 | 2 | -1; error?: VirError };

/** Runs the sequence; resolves when authenticated, rejects with libvirt's error otherwise. */
export async function libssh2Authenticate(o: Libssh2AuthOptions, methods: string[], attempt: Attempt, offered: AuthenticationType[]): Promise<void> {
  const username = o.username;
  const has = (m: AuthenticationType) => offered.includes(m);

  const agent = async (): Promise<Result> => {
    const sock = process.env.SSH_AUTH_SOCK;
    const count = sock ? await o.agentIdentities(sock).catch(() => -1) : -1;
    if (count < 0) return { code: 1, error: sshError('Failed to connect to ssh agent') };
    if (count === 0) return { code: 1, error: authError('SSH Agent did not provide any authentication identity') };
    const r = await attempt({ type: 'agent', username, agent: sock! });
    if (r === 'ok') return { code: 0 };
    if (r === 'closed') return { code: -1, error: authError('failed to authenticate using SSH agent: Waiting for USERAUTH response') };
    return { code: 1, error: authError('All identities provided by the SSH Agent were rejected') };
  };

  const privkey = async (): Promise<Result> => {
    const path = o.keyfile!;
    const key = o.readKey(path);
    const r = key ? await attempt({ type: 'publickey', username, key }) : 'failed';
    if (r === 'ok') return { code: 0 };
    const reason = key ? 'Username/PublicKey combination invalid' : 'Unable to extract public key from private key file: Unable to open private key file';
    return { code: r === 'closed' ? -1 : 1, error: authError(`authentication with private key '${path}' has failed: ${reason}`) };
  };

  // Asks again after each rejection (auth.conf's password, or the prompt) until the server hangs up.
  const password = async (): Promise<Result> => {
    for (;;) {
      const configured = authCredential(o.authPath, 'ssh', o.hostname, 'password');
      const given = configured ?? ((await askLine(`Enter ${username}'s password for ${o.hostname}: `, false)) || '');
      const r = await attempt({ type: 'password', username, password: given });
      if (r === 'ok') return { code: 0 };
      if (r === 'closed') return { code: -1, error: authError('authentication failed: Waiting for password response') };
    }
  };

  const keyboard = async (): Promise<Result> => {
    const r = await attempt(keyboardInteractive(username));
    if (r === 'ok') return { code: 0 };
    return { code: r === 'closed' ? -1 : 1, error: authError('keyboard interactive authentication failed: Authentication failed (keyboard-interactive)') };
  };

  const runners: Record<string, [AuthenticationType, () => Promise<Result>]> = {
    agent: ['publickey', agent],
    privkey: ['publickey', privkey],
    password: ['password', password],
    'keyboard-interactive': ['keyboard-interactive', keyboard],
  };
  let noMethod = false;
  let rejected = false;
  let last: VirError | undefined;
  for (const m of methods) {
    const [needs, run] = runners[m];
    const r: Result = has(needs) ? await run() : { code: 2 };
    last = r.error;
    if (r.code === 0) return;
    if (r.code === -1) throw r.error;
    if (r.code === 2) noMethod = true;
    if (r.code === 1) rejected = true;
  }
  if (methods.length === 1) throw last ?? new VirError(0, 'An error occurred, but the cause is unknown');
  if (noMethod && !rejected) throw authError('None of the requested authentication methods are supported by the server');
  throw authError('All provided authentication methods with credentials were rejected by the server');
}

/** The agent's identity count (SSH2_AGENTC_REQUEST_IDENTITIES), or a rejection if it cannot be reached. */
export function countAgentIdentities(sock: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(sock);
    let got = Buffer.alloc(0);
    conn.once('connect', () => conn.write(Buffer.from([0, 0, 0, 1, 11])));
    conn.on('data', (b: Buffer) => {
      got = Buffer.concat([got, b]);
      if (got.length >= 9 && got.length >= 4 + got.readUInt32BE(0)) {
        conn.destroy();
        if (got[4] === 12) resolve(got.readUInt32BE(5));
        else reject(new Error('agent refused'));
      }
    });
    conn.once('error', reject);
    conn.once('close', () => reject(new Error('agent closed')));
  });
}
