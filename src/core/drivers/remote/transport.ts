import { lookup } from 'node:dns/promises';
import { createConnection, type NetConnectOpts } from 'node:net';
import type { Duplex } from 'node:stream';
import { virErr } from '../../errors.js';
import { strerror } from '../../strerror.js';
import type { RemoteTarget } from '../../uri/remote-target.js';

export interface Link {
  stream: Duplex;
  /** Text to append to an EOF error (an ssh/ext helper's stderr). */
  eofDetail?: () => string | undefined;
}

function connectWith(options: NetConnectOpts): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
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
async function connectTcp(host: string, port: string): Promise<Link> {
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

/** Opens the byte stream the RPC client runs over. */
export async function openLink(target: RemoteTarget): Promise<Link> {
  switch (target.transport) {
    case 'unix':
      return connectUnix(target.socket);
    case 'tcp':
      return connectTcp(target.host, target.port);
    default:
      throw virErr('NO_SUPPORT', `remote driver ${target.transport} transport is not available in virsh-ts yet`, 'REMOTE');
  }
}
