import { P } from '../../core/rpc/procedures/index.js';
import { listed, serve } from './serve.js';

/** Snapshot and checkpoint calls. */
export const snapshotServed = [
  serve(P.domainSnapshotCreateXML, async (c, a) => ({ snap: await c.domainSnapshotCreateXML(a.dom, a.xml_desc, a.flags) })),
  serve(P.domainSnapshotNum, async (c, a) => ({ num: await c.domainSnapshotNum(a.dom, a.flags) })),
  serve(P.domainSnapshotListNames, async (c, a) => ({
    names: (await c.domainListAllSnapshots(a.dom, a.flags)).slice(0, a.maxnames).map((s) => s.name),
  })),
  serve(P.domainListAllSnapshots, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.domainListAllSnapshots(a.dom, a.flags));
    return { snapshots: items, ret };
  }),
  serve(P.domainSnapshotLookupByName, async (c, a) => ({ snap: await c.domainSnapshotLookupByName(a.dom, a.name, a.flags) })),
  serve(P.domainHasCurrentSnapshot, async (c, a) => ({ result: await c.domainHasCurrentSnapshot(a.dom, a.flags) })),
  serve(P.domainSnapshotCurrent, async (c, a) => ({ snap: await c.domainSnapshotCurrent(a.dom, a.flags) })),
  serve(P.domainRevertToSnapshot, (c, a) => c.domainRevertToSnapshot(a.snap, a.flags)),
  serve(P.domainSnapshotNumChildren, async (c, a) => ({ num: await c.snapshotNumChildren(a.snap, a.flags) })),
  serve(P.domainSnapshotListAllChildren, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.snapshotListAllChildren(a.snapshot, a.flags));
    return { snapshots: items, ret };
  }),
  serve(P.domainSnapshotGetXMLDesc, async (c, a) => ({ xml: await c.snapshotGetXMLDesc(a.snap, a.flags) })),
  serve(P.domainSnapshotGetParent, async (c, a) => ({ snap: await c.snapshotGetParent(a.snap, a.flags) })),
  serve(P.domainSnapshotIsCurrent, async (c, a) => ({ current: await c.snapshotIsCurrent(a.snap, a.flags) })),
  serve(P.domainSnapshotHasMetadata, async (c, a) => ({ metadata: await c.snapshotHasMetadata(a.snap, a.flags) })),
  serve(P.domainSnapshotDelete, (c, a) => c.snapshotDelete(a.snap, a.flags)),
  serve(P.domainCheckpointCreateXML, async (c, a) => ({ checkpoint: await c.domainCheckpointCreateXML(a.dom, a.xml_desc, a.flags) })),
  serve(P.domainListAllCheckpoints, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.domainListAllCheckpoints(a.dom, a.flags));
    return { checkpoints: items, ret };
  }),
  serve(P.domainCheckpointLookupByName, async (c, a) => ({ checkpoint: await c.domainCheckpointLookupByName(a.dom, a.name, a.flags) })),
  serve(P.domainCheckpointListAllChildren, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.checkpointListAllChildren(a.checkpoint, a.flags));
    return { checkpoints: items, ret };
  }),
  serve(P.domainCheckpointGetXMLDesc, async (c, a) => ({ xml: await c.checkpointGetXMLDesc(a.checkpoint, a.flags) })),
  serve(P.domainCheckpointGetParent, async (c, a) => ({ parent: await c.checkpointGetParent(a.checkpoint, a.flags) })),
  serve(P.domainCheckpointDelete, (c, a) => c.checkpointDelete(a.checkpoint, a.flags)),
];
