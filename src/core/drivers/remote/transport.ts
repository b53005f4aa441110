import { lookup } from 'node:dns/promises';
import { createConnection, type NetConnectOpts, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { virErr, type VirError } from '../../errors.js';
import { commandLink } from './command.js';
import { strerror } from '../../strerror.js';
import type { RemoteTarget } from '../../uri/remote-target.js';
import { loadCredentials, locateCredentials } from './tls-credentials.js';
import { startTls } from './tls.js';
import type { UriArgs } from './uri-args.js';

export interface Link {
  stream: Duplex;
  /** The error an end of file means on this link (a helper command's exit and stderr). */
  eofError?: () => VirError;
}

function connectWith(options: NetConnectOpts): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const sock = createConnection(options);
    sock.once('connect', () => {
      sock.removeListener('error', reject);
      sock.setNoDelay(true);
      resolve(sock);
    });
    sock.once('error', reject);
  });
}

/** virNetSocketNewConnectUNIX */
async function connectUnix(path: string): Promise<Link> {
  try {
    return { stream: await connectWith({ path }) };
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to connect socket to '${path}': ${strerror(e)}`, 'RPC');
  }
}

/** virNetSocketNewConnectTCP: every address the name resolves to, in order. */
async function connectTcp(host: string, port: string): Promise<{ stream: Socket }> {
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (e) {
    const reason = (e as { code?: string }).code === 'EAI_AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known';
    throw virErr('SYSTEM_ERROR', `Unable to resolve address '${host}' service '${port}': ${reason}`, 'RPC');
  }
  let last: unknown;
  for (const a of addresses) {
    try {
      return { stream: await connectWith({ host: a.address, port: Number(port), family: a.family }) };
    } catch (e) {
      last = e;
    }
  }
  throw virErr('SYSTEM_ERROR', `unable to connect to server at '${host}:${port}': ${strerror(last)}`, 'RPC');
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

/** Opens the byte stream the RPC client runs over. */
export async function openLink(target: RemoteTarget, args: UriArgs): Promise<Link> {
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
      throw virErr('NO_SUPPORT', `remote driver ${target.transport} transport is not available in virsh-ts yet`, 'REMOTE');
  }
}
