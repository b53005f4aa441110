import { lookup } from 'node:dns/promises';
import { createConnection, type NetConnectOpts, type Socket } from 'node:net';
import { virErr } from '../../errors.js';
import { strerror } from '../../strerror.js';

export function connectWith(options: NetConnectOpts): Promise<Socket> {
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

/** virNetSocketNewConnectTCP: every address the name resolves to, in order. */
export async function connectTcp(host: string, port: string): Promise<{ stream: Socket }> {
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

