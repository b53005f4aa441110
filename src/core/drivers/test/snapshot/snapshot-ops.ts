import type { DomainHandle, SnapshotHandle } from '../../../api/handles.js';
import { SnapshotDelete, SnapshotList, SnapshotRevert, SnapshotXML, type SnapshotApi } from '../../../api/snapshot.js';
import { virErr } from '../../../errors.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { formatSnapshotXML } from '../../../xml/snapshot/format.js';
import { checkFlags } from '../../check-flags.js';
import { isActive, objFromHandle } from '../domain/state.js';
import { domainLifecycle } from '../events/index.js';
import { DomainLifecycle, LifecycleDetail } from '../../../api/events.js';
import type { TestNode } from '../node.js';
import { defOf, findMoment, type MomentObj } from '../../../snapshot/moments.js';
import { listSnapshots, SNAPSHOT_LIST_FILTERS } from '../../../snapshot/filter.js';
import { createSnapshot, SNAPSHOT_CREATE_ALLOWED } from './snapshot-create.js';
import { deleteMoment } from './snapshot-delete.js';
import { revertToSnapshot } from './snapshot-revert.js';
import { momentsOf } from './state.js';

const L = SnapshotList;
const FILTERS_ALL = SNAPSHOT_LIST_FILTERS;

export function snapshotOps(node: TestNode): SnapshotApi {
  const domObj = (dom: DomainHandle) => objFromHandle(node.domains, dom);
  const listOf = (dom: DomainHandle) => momentsOf(node.snapshots, domObj(dom));
  const checkpointsOf = (dom: DomainHandle) => momentsOf(node.checkpoints, domObj(dom));

  /** testSnapObjFromName */
  function snapObj(dom: DomainHandle, name: string): MomentObj<SnapshotDef> {
    const snap = findMoment(listOf(dom), name);
    if (!snap) throw virErr('NO_DOMAIN_SNAPSHOT', `no domain snapshot with matching name '${name}'`, 'DOMAIN_SNAPSHOT');
    return snap;
  }
  const handle = (dom: DomainHandle, snap: MomentObj<SnapshotDef>): SnapshotHandle => ({ domain: dom, name: defOf(snap).name });

  const collect = (dom: DomainHandle, from: MomentObj<SnapshotDef> | undefined, flags: number) =>
    listSnapshots(listOf(dom), from, flags);

  return {
    async domainSnapshotCreateXML(dom, xml, flags) {
      checkFlags(flags, SNAPSHOT_CREATE_ALLOWED, 'testDomainSnapshotCreateXML');
      const obj = domObj(dom);
      if (checkpointsOf(dom).objs.size > 0) {
        throw virErr('OPERATION_UNSUPPORTED', 'cannot create snapshot while checkpoint exists', 'DOMAIN');
      }
      const wasActive = isActive(obj);
      const snap = await createSnapshot(momentsOf(node.snapshots, obj), obj, xml, flags);
      // --halt stopped it.
      if (wasActive && !isActive(obj)) domainLifecycle(node, obj, DomainLifecycle.STOPPED, LifecycleDetail.STOPPED_FROM_SNAPSHOT);
      return handle({ ...dom, id: obj.id }, snap);
    },
    async domainSnapshotNum(dom, flags) {
      checkFlags(flags, L.ROOTS | L.TOPOLOGICAL | FILTERS_ALL, 'testDomainSnapshotNum');
      return collect(dom, undefined, flags).length;
    },
    async domainListAllSnapshots(dom, flags) {
      checkFlags(flags, L.ROOTS | L.TOPOLOGICAL | FILTERS_ALL, 'testDomainListAllSnapshots');
      return collect(dom, undefined, flags).map((s) => handle(dom, s));
    },
    async domainSnapshotLookupByName(dom, name, flags) {
      checkFlags(flags, 0, 'testDomainSnapshotLookupByName');
      return handle(dom, snapObj(dom, name));
    },
    async domainHasCurrentSnapshot(dom, flags) {
      checkFlags(flags, 0, 'testDomainHasCurrentSnapshot');
      return listOf(dom).current !== undefined;
    },
    async domainSnapshotCurrent(dom, flags) {
      checkFlags(flags, 0, 'testDomainSnapshotCurrent');
      const current = listOf(dom).current;
      if (!current) {
        throw virErr('NO_DOMAIN_SNAPSHOT', 'the domain does not have a current snapshot', 'DOMAIN_SNAPSHOT');
      }
      return handle(dom, current);
    },
    async domainRevertToSnapshot(snap, flags) {
      checkFlags(flags, SnapshotRevert.RUNNING | SnapshotRevert.PAUSED | SnapshotRevert.FORCE, 'testDomainRevertToSnapshot');
      const obj = domObj(snap.domain);
      revertToSnapshot(node.domains, listOf(snap.domain), obj, snapObj(snap.domain, snap.name), flags, (ev, detail) =>
        domainLifecycle(node, obj, ev, detail),
      );
    },
    async snapshotNumChildren(snap, flags) {
      checkFlags(flags, L.DESCENDANTS | L.TOPOLOGICAL | FILTERS_ALL, 'testDomainSnapshotNumChildren');
      return collect(snap.domain, snapObj(snap.domain, snap.name), flags).length;
    },
    async snapshotListAllChildren(snap, flags) {
      checkFlags(flags, L.DESCENDANTS | L.TOPOLOGICAL | FILTERS_ALL, 'testDomainSnapshotListAllChildren');
      return collect(snap.domain, snapObj(snap.domain, snap.name), flags).map((s) => handle(snap.domain, s));
    },
    async snapshotGetXMLDesc(snap, flags) {
      checkFlags(flags, SnapshotXML.SECURE, 'testDomainSnapshotGetXMLDesc');
      const def = defOf(snapObj(snap.domain, snap.name));
      return formatSnapshotXML(def, { secure: !!(flags & SnapshotXML.SECURE), domainUUID: snap.domain.uuid });
    },
    async snapshotGetParent(snap, flags) {
      checkFlags(flags, 0, 'testDomainSnapshotGetParent');
      const def = defOf(snapObj(snap.domain, snap.name));
      if (def.parentName === undefined) {
        throw virErr('NO_DOMAIN_SNAPSHOT', `snapshot '${def.name}' does not have a parent`, 'DOMAIN_SNAPSHOT');
      }
      return { domain: snap.domain, name: def.parentName };
    },
    async snapshotIsCurrent(snap, flags) {
      checkFlags(flags, 0, 'testDomainSnapshotIsCurrent');
      const s = snapObj(snap.domain, snap.name);
      return listOf(snap.domain).current === s;
    },
    async snapshotHasMetadata(snap, flags) {
      checkFlags(flags, 0, 'testDomainSnapshotHasMetadata');
      snapObj(snap.domain, snap.name);
      return true;
    },
    async snapshotDelete(snap, flags) {
      checkFlags(flags, SnapshotDelete.CHILDREN | SnapshotDelete.CHILDREN_ONLY, 'testDomainSnapshotDelete');
      const obj = domObj(snap.domain);
      const list = momentsOf(node.snapshots, obj);
      deleteMoment(list, snapObj(snap.domain, snap.name), flags);
    },
  };
}
