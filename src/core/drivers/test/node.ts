import type { XNode } from '../../xml/tree.js';
import { loadHost, type HostState } from './host.js';
import { loadDomains, type DomainsState } from './domain.js';
import { loadNetworks, type NetworksState } from './network.js';
import { loadStorage, type StorageState } from './storage.js';
import { loadInterfaces, type InterfacesState } from './interface.js';
import { loadNodeDevices, type NodeDevicesState } from './nodedev.js';
import { loadSecrets, type SecretsState } from './secret.js';
import { newMomentsState, type SnapshotsState, type CheckpointsState } from './snapshot.js';
import { loadEmbeddedSnapshots } from './snapshot/load.js';

/**
 * One test-driver node: everything a `test:///…` connection sees. Each group owns its slice
 * and its loader; a node file is parsed once and every loader reads the parts it knows.
 */
export interface TestNode {
  /** The URI the node was opened with (`test:///default` or `test:///ABS/PATH.xml`). */
  uri: string;
  host: HostState;
  domains: DomainsState;
  networks: NetworksState;
  storage: StorageState;
  interfaces: InterfacesState;
  nodedevs: NodeDevicesState;
  secrets: SecretsState;
  /** Domain snapshots and checkpoints, keyed by domain uuid. */
  snapshots: SnapshotsState;
  checkpoints: CheckpointsState;
}

/** Context a loader needs: the node file's directory, for `<domain file='…'/>` references. */
export interface LoadContext {
  baseDir: string;
  /** True for the built-in default node (libvirt treats a few defaults differently). */
  isDefault: boolean;
}

export function buildNode(uri: string, root: XNode, ctx: LoadContext): TestNode {
  const host = loadHost(root, ctx);
  const snapshots: SnapshotsState = newMomentsState();
  const domains = loadDomains(root, ctx, (obj, node) => loadEmbeddedSnapshots(snapshots, obj, node));
  return {
    uri,
    host,
    domains,
    networks: loadNetworks(root, ctx),
    storage: loadStorage(root, ctx),
    interfaces: loadInterfaces(root, ctx),
    nodedevs: loadNodeDevices(root, ctx),
    secrets: loadSecrets(root, ctx),
    snapshots,
    checkpoints: newMomentsState(),
  };
}
