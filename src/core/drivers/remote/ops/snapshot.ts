import type { CheckpointHandle } from '../../../api/checkpoint.js';
import type { SnapshotHandle } from '../../../api/handles.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

/** virDomainSnapshot* / virDomainCheckpoint* over RPC. */
export function snapshotOps(s: Session): Ops {
  const snap = async (p: Promise<{ snap: SnapshotHandle }>) => (await p).snap;
  const chk = async (p: Promise<{ checkpoint: CheckpointHandle }>) => (await p).checkpoint;
  return {
    domainSnapshotCreateXML: (dom, xml_desc, flags) => snap(s.call(P.domainSnapshotCreateXML, { dom, xml_desc, flags })),
    domainSnapshotNum: async (dom, flags) => (await s.call(P.domainSnapshotNum, { dom, flags })).num,
    domainListAllSnapshots: async (dom, flags) => (await s.call(P.domainListAllSnapshots, { dom, need_results: 1, flags })).snapshots,
    domainSnapshotLookupByName: (dom, name, flags) => snap(s.call(P.domainSnapshotLookupByName, { dom, name, flags })),
    domainHasCurrentSnapshot: async (dom, flags) => (await s.call(P.domainHasCurrentSnapshot, { dom, flags })).result,
    domainSnapshotCurrent: (dom, flags) => snap(s.call(P.domainSnapshotCurrent, { dom, flags })),
    domainRevertToSnapshot: (sn, flags) => s.call(P.domainRevertToSnapshot, { snap: sn, flags }),
    snapshotNumChildren: async (sn, flags) => (await s.call(P.domainSnapshotNumChildren, { snap: sn, flags })).num,
    snapshotListAllChildren: async (sn, flags) =>
      (await s.call(P.domainSnapshotListAllChildren, { snapshot: sn, need_results: 1, flags })).snapshots,
    snapshotGetXMLDesc: async (sn, flags) => (await s.call(P.domainSnapshotGetXMLDesc, { snap: sn, flags })).xml,
    snapshotGetParent: (sn, flags) => snap(s.call(P.domainSnapshotGetParent, { snap: sn, flags })),
    snapshotIsCurrent: async (sn, flags) => (await s.call(P.domainSnapshotIsCurrent, { snap: sn, flags })).current,
    snapshotHasMetadata: async (sn, flags) => (await s.call(P.domainSnapshotHasMetadata, { snap: sn, flags })).metadata,
    snapshotDelete: (sn, flags) => s.call(P.domainSnapshotDelete, { snap: sn, flags }),
    domainCheckpointCreateXML: (dom, xml_desc, flags) => chk(s.call(P.domainCheckpointCreateXML, { dom, xml_desc, flags })),
    domainListAllCheckpoints: async (dom, flags) => (await s.call(P.domainListAllCheckpoints, { dom, need_results: 1, flags })).checkpoints,
    domainCheckpointLookupByName: (dom, name, flags) => chk(s.call(P.domainCheckpointLookupByName, { dom, name, flags })),
    checkpointListAllChildren: async (c, flags) =>
      (await s.call(P.domainCheckpointListAllChildren, { checkpoint: c, need_results: 1, flags })).checkpoints,
    checkpointGetXMLDesc: async (c, flags) => (await s.call(P.domainCheckpointGetXMLDesc, { checkpoint: c, flags })).xml,
    checkpointGetParent: async (c, flags) => (await s.call(P.domainCheckpointGetParent, { checkpoint: c, flags })).parent,
    checkpointDelete: (c, flags) => s.call(P.domainCheckpointDelete, { checkpoint: c, flags }),
  };
}
