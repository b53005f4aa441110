import type { XNode } from '../../xml/tree.js';
import { loadHost, type HostState } from './host.js';
import { loadDomains, type DomainObj, type DomainReader, type DomainsState } from './domain.js';
import type { NetworksState } from './network/state.js';
import type { StorageState } from './storage/state.js';
import type { InterfacesState } from './interface/state.js';
import type { NodeDevicesState } from './nodedev.js';
import { newMomentsState, type SnapshotsState, type CheckpointsState } from './snapshot/state.js';

/**
 * One test-driver node: everything a `test:///…` connection sees. Each group owns its slice
 * and its loader; a node file is parsed once and every loader reads the parts it knows.
 */
export interface TestNode {
  /** The URI the node was opened with (`test:///default` or `test:///ABS/PATH.xml`). */
  uri: string;
  /** The node file, for the slices read on first use. */
  source: { root: XNode; ctx: LoadContext };
  host: HostState;
  domains: DomainsState;
  /** Domain snapshots and checkpoints, keyed by domain uuid. */
  snapshots: SnapshotsState;
  checkpoints: CheckpointsState;
  /** The slices of the groups loaded on demand (families.ts), once read. */
  slices: Partial<LazySlices>;
}

export interface LazySlices {
  networks: NetworksState;
  storage: StorageState;
  interfaces: InterfacesState;
  nodedevs: NodeDevicesState;
}

/** Context a loader needs: the node file's directory, for `<domain file='…'/>` references. */
export interface LoadContext {
  baseDir: string;
  /** True for the built-in default node (libvirt treats a few defaults differently). */
  isDefault: boolean;
}

/** A lazily loaded group's slice: read from the node file the first time anyone needs it. */
export function sliceOf<K extends keyof LazySlices>(node: TestNode, key: K, load: (root: XNode, ctx: LoadContext) => LazySlices[K]): LazySlices[K] {
  return (node.slices[key] ??= load(node.source.root, node.source.ctx));
}

/**
 * The host and the domains, read at once (every command needs them), each domain by `read`.
 * A node file's embedded snapshots are read with its domains by `embedded`, which the
 * caller loads only for files (the built-in node has none).
 */
export function buildNode(
  uri: string,
  root: XNode,
  ctx: LoadContext,
  read: DomainReader,
  embedded?: (snapshots: SnapshotsState, obj: DomainObj, node: XNode) => void,
): TestNode {
  const host = loadHost(root, ctx);
  const snapshots: SnapshotsState = newMomentsState();
  const domains = loadDomains(root, ctx, read, embedded && ((obj, node) => embedded(snapshots, obj, node)));
  return { uri, source: { root, ctx }, host, domains, snapshots, checkpoints: newMomentsState(), slices: {} };
}
