import type { Duplex } from 'node:stream';
import { virErr, type VirError } from '../../errors.js';
import { strerror } from '../../strerror.js';
import type { RemoteTarget } from '../../uri/remote-target.js';
import type { VirURI } from '../../uri/parse.js';
import { commandLink } from './command.js';
import { sshHelperCommand } from './ssh-command.js';
import { sshLink } from './ssh.js';
import { connectTcp, connectWith } from './tcp.js';
import { loadCredentials, locateCredentials } from './tls-credentials.js';
import { startTls } from './tls.js';
import type { UriArgs } from './uri-args.js';

export interface Link {
  stream: Duplex;
  /** The error an end of file means on this link (a helper command's exit and stderr). */
  eofError?: () => VirError;
}

/** virNetSocketNewConnectUNIX */
async function connectUnix(path: string): Promise<Link> {
  try {
    return { stream: await connectWith({ path }) };
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to connect socket to '${path}': ${strerror(e)}`, 'RPC');
  }
}

/**
 * TLS as doRemoteOpen sets it up: credentials are located and checked before any
 * connection is made, then TCP, then the TLS session on top.
 */
async function connectTls(host: string, port: string, args: UriArgs): Promise<Link> {
  const verify = !args.flag('no_verify');
  const creds = loadCredentials(locateCredentials(args.str('pkipath')), !args.flag('no_sanity'));
  const { stream } = await connectTcp(host, port);
  return { stream: await startTls(stream, host, creds, verify) };
}

/** What the ssh helper command needs from the open: the daemon-side name and flags. */
export interface OpenContext {
  uri: VirURI | undefined;
  args: UriArgs;
  /** The CONNECT_OPEN name (virt-ssh-helper opens it on the far side). */
  name: string;
  readonly: boolean;
  /** REMOTE_DRIVER_OPEN_USER */
  user: boolean;
}

type SshTarget = Extract<RemoteTarget, { transport: 'ssh' | 'libssh2' | 'libssh' }>;

/**
 * doRemoteOpen's proxy choice (an explicit socket= needs netcat, a session daemon
 * virt-ssh-helper, else either) and the ssh session running the helper.
 */
function connectSsh(target: SshTarget, ctx: OpenContext): Promise<Link> {
  const { args } = ctx;
  const given = target.proxy as 'auto' | 'netcat' | 'native' | undefined;
  const proxy = given ?? (args.str('socket') !== undefined ? 'netcat' : ctx.user ? 'native' : 'auto');
  const command = sshHelperCommand({ proxy, netcat: args.str('netcat'), socket: target.socket, driverURI: ctx.name, readonly: ctx.readonly });
  return sshLink({
    flavor: target.transport,
    host: target.host,
    port: ctx.uri?.port || undefined,
    user: ctx.uri?.user,
    keyfile: args.str('keyfile'),
    knownHosts: args.str('known_hosts'),
    knownHostsVerify: args.str('known_hosts_verify'),
    noVerify: args.flag('no_verify'),
    noTty: args.flag('no_tty'),
    sshauth: args.str('sshauth'),
    authfile: args.str('authfile'),
    command,
  });
}

/** Opens the byte stream the RPC client runs over. */
export async function openLink(target: RemoteTarget, ctx: OpenContext): Promise<Link> {
  const { args } = ctx;
  switch (target.transport) {
    case 'unix':
      return connectUnix(target.socket);
    case 'tcp':
      return connectTcp(target.host, target.port);
    case 'tls':
      return connectTls(target.host, target.port, args);
    case 'ext':
      return commandLink(args.str('command')!, []);
    default:
      return connectSsh(target, ctx);
  }
}
