import type { Connection } from './api/connection.js';
import { virErr } from './errors.js';

export interface OpenOptions {
  readonly: boolean;
}

/**
 * Opens the driver a URI names. Drivers are imported on demand so a one-shot command pays
 * only for the one it uses.
 */
export async function openConnection(uri: string, _opts: OpenOptions): Promise<Connection> {
  const m = /^test:\/\/(\/.*)$/.exec(uri);
  if (m) {
    const { loadTestNode, connectionForNode } = await import('./drivers/test/index.js');
    return connectionForNode(await loadTestNode(uri, m[1]));
  }
  throw virErr('NO_CONNECT', uri);
}
