import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Connection } from '../../api/connection.js';
import { parseTree } from '../../xml/tree.js';
import { defaultNodeTree } from './default-node-tree.js';
import { buildNode, type TestNode } from './node.js';
import { hostOps } from './host.js';
import { domainOps } from './domain.js';
import { domainDeviceOps } from './domain-devices.js';
import { snapshotOps, checkpointOps } from './snapshot.js';
import { networkOps } from './network.js';
import { storageOps } from './storage.js';
import { interfaceOps } from './interface.js';
import { nodeDeviceOps } from './nodedev.js';
import { secretOps } from './secret.js';
import { nwfilterOps } from './nwfilter.js';
import { eventOps } from './events/index.js';

/** Builds the node for `test:///default` or `test:///ABS/PATH.xml` (uriPath is the path part). */
export async function loadTestNode(uri: string, uriPath: string): Promise<TestNode> {
  if (uriPath === '/default') {
    return buildNode(uri, defaultNodeTree(), { baseDir: '/', isDefault: true });
  }
  const text = readFileSync(uriPath, 'utf8');
  return buildNode(uri, parseTree(text), { baseDir: dirname(uriPath), isDefault: false });
}

/** A Connection over one node: every group contributes its calls. */
export function connectionForNode(node: TestNode): Connection {
  return {
    ...hostOps(node),
    ...domainOps(node),
    ...domainDeviceOps(node),
    ...snapshotOps(node),
    ...checkpointOps(node),
    ...networkOps(node),
    ...storageOps(node),
    ...interfaceOps(node),
    ...nodeDeviceOps(node),
    ...secretOps(node),
    ...nwfilterOps(node),
    ...eventOps(node),
  };
}
