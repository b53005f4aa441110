import type { DomainHandle } from '../../../api/handles.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import type { XNode } from '../../../xml/tree.js';
import type { TestNode } from '../node.js';
import type { DomainObj } from '../domain/state.js';
import { hostOps } from '../host.js';
import { objOf } from './common.js';
import { defTree } from './view.js';
import { tunables, type Tunables } from './tunables.js';
import { syncTunables } from './sync.js';

/** What every call of this group needs: the node, its domains and host facts. */
export interface DevCtx {
  node: TestNode;
  obj(dom: DomainHandle): DomainObj;
  tree(def: DomainDef): XNode;
  tun(def: DomainDef): Promise<Tunables>;
  /** Writes the definition's tuning state back into its XML elements after a change. */
  commit(def: DomainDef): Promise<void>;
  /** VIR_NODEINFO_MAXCPUS: nodes × sockets × cores × threads. */
  hostCpus(): Promise<number>;
  /** nodeInfo.cores (the test driver's per-CPU statistics count). */
  hostCores(): Promise<number>;
}

export function devCtx(node: TestNode): DevCtx {
  const info = () => hostOps(node).nodeGetInfo();
  const hostCpus = async () => {
    const i = await info();
    return i.nodes * i.sockets * i.cores * i.threads;
  };
  return {
    node,
    obj: (dom) => objOf(node, dom),
    tree: defTree,
    tun: async (def) => tunables(def, () => defTree(def), await hostCpus()),
    commit: async (def) => syncTunables(def, tunables(def, () => defTree(def), await hostCpus())),
    hostCpus,
    hostCores: async () => (await info()).cores,
  };
}
