import type { DomainHandle, SnapshotHandle } from '../../../api/handles.js';
import { SnapshotList as L, SnapshotXML, type SnapshotApi } from '../../../api/snapshot.js';
import { virErr } from '../../../errors.js';
import { formatSnapshotXML } from '../../../xml/snapshot/format.js';
import { defOf } from '../../../snapshot/moments.js';
import { listSnapshots, SNAPSHOT_LIST_FILTERS } from '../../../snapshot/filter.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import { handleOf } from '../domain/obj.js';
import { createSnapshotXML, SNAPSHOT_CREATE_ALLOWED } from './create.js';
import { deleteSnapshot, SNAPSHOT_DELETE_ALLOWED } from './delete.js';
import { revertSnapshot, SNAPSHOT_REVERT_ALLOWED } from './revert.js';
import { scopeOf, snapObj, snapshotsOf } from './state.js';

const DOMAIN_LIST = L.ROOTS | L.TOPOLOGICAL | SNAPSHOT_LIST_FILTERS;
const CHILD_LIST = L.DESCENDANTS | L.TOPOLOGICAL | SNAPSHOT_LIST_FILTERS;

/**
 * The QEMU driver's virDomainSnapshot* entry points (qemu_driver.c → qemu_snapshot.c).
 *
 * Layout: the tree, list filters and redefinition checks are core/snapshot (shared with the
 * test driver); state.ts holds each domain's list and writes LIBDIR/snapshot/DOMAIN/NAME.xml
 * (store.ts); create/revert/delete.ts follow qemu_snapshot.c and hand the disk work of a
 * shut-off domain to offline.ts (qemu-img internal snapshots) and external.ts (overlays), and
 * a running one's to QEMU: live.ts (savevm), live-external.ts (blockdev overlays), hmp.ts
 * (savevm/loadvm/delvm), cpus.ts (the pause around them); an external memory snapshot is a
 * save image (save/). Still `unsupported`: deleting external snapshots (block commit).
 */
export function snapshotOps(drv: QemuDriver): SnapshotApi {
  // qemuStateInitialize reads every domain's snapshot metadata when the driver starts.
  for (const obj of drv.domains.objs) snapshotsOf(drv, obj);
  const handle = (dom: DomainHandle, name: string): SnapshotHandle => ({ domain: dom, name });
  /** qemuDomObjFromSnapshot + qemuSnapObjFromSnapshot */
  const lookup = (snap: SnapshotHandle) => {
    const scope = scopeOf(drv, snap.domain);
    return { scope, snap: snapObj(scope, snap.name) };
  };

  return {
    async domainSnapshotCreateXML(dom, xml, flags) {
      const scope = scopeOf(drv, dom);
      checkFlags(flags, SNAPSHOT_CREATE_ALLOWED, 'qemuSnapshotCreateXML');
      return handle(handleOf(scope.obj), await createSnapshotXML(scope, xml, flags));
    },
    async domainSnapshotNum(dom, flags) {
      checkFlags(flags, DOMAIN_LIST, 'qemuDomainSnapshotNum');
      return listSnapshots(scopeOf(drv, dom).list, undefined, flags).length;
    },
    async domainListAllSnapshots(dom, flags) {
      checkFlags(flags, DOMAIN_LIST, 'qemuDomainListAllSnapshots');
      return listSnapshots(scopeOf(drv, dom).list, undefined, flags).map((s) => handle(dom, defOf(s).name));
    },
    async domainSnapshotLookupByName(dom, name, flags) {
      checkFlags(flags, 0, 'qemuDomainSnapshotLookupByName');
      return handle(dom, defOf(snapObj(scopeOf(drv, dom), name)).name);
    },
    async domainHasCurrentSnapshot(dom, flags) {
      checkFlags(flags, 0, 'qemuDomainHasCurrentSnapshot');
      return scopeOf(drv, dom).list.current !== undefined;
    },
    async domainSnapshotCurrent(dom, flags) {
      checkFlags(flags, 0, 'qemuDomainSnapshotCurrent');
      const current = scopeOf(drv, dom).list.current;
      if (!current) throw virErr('NO_DOMAIN_SNAPSHOT', 'the domain does not have a current snapshot', 'DOMAIN_SNAPSHOT');
      return handle(dom, defOf(current).name);
    },
    async domainRevertToSnapshot(snap, flags) {
      const scope = scopeOf(drv, snap.domain);
      checkFlags(flags, SNAPSHOT_REVERT_ALLOWED, 'qemuSnapshotRevert');
      await revertSnapshot(scope, snapObj(scope, snap.name), flags);
    },
    async snapshotNumChildren(snap, flags) {
      checkFlags(flags, CHILD_LIST, 'qemuDomainSnapshotNumChildren');
      const { scope, snap: s } = lookup(snap);
      return listSnapshots(scope.list, s, flags).length;
    },
    async snapshotListAllChildren(snap, flags) {
      checkFlags(flags, CHILD_LIST, 'qemuDomainSnapshotListAllChildren');
      const { scope, snap: s } = lookup(snap);
      return listSnapshots(scope.list, s, flags).map((c) => handle(snap.domain, defOf(c).name));
    },
    async snapshotGetXMLDesc(snap, flags) {
      checkFlags(flags, SnapshotXML.SECURE, 'qemuDomainSnapshotGetXMLDesc');
      const def = defOf(lookup(snap).snap);
      return formatSnapshotXML(def, { secure: !!(flags & SnapshotXML.SECURE), domainUUID: snap.domain.uuid });
    },
    async snapshotGetParent(snap, flags) {
      checkFlags(flags, 0, 'qemuDomainSnapshotGetParent');
      const def = defOf(lookup(snap).snap);
      if (def.parentName === undefined) {
        throw virErr('NO_DOMAIN_SNAPSHOT', `snapshot '${def.name}' does not have a parent`, 'DOMAIN_SNAPSHOT');
      }
      return handle(snap.domain, def.parentName);
    },
    async snapshotIsCurrent(snap, flags) {
      checkFlags(flags, 0, 'qemuDomainSnapshotIsCurrent');
      const { scope, snap: s } = lookup(snap);
      return scope.list.current === s;
    },
    async snapshotHasMetadata(snap, flags) {
      checkFlags(flags, 0, 'qemuDomainSnapshotHasMetadata');
      lookup(snap);
      return true;
    },
    async snapshotDelete(snap, flags) {
      const scope = scopeOf(drv, snap.domain);
      checkFlags(flags, SNAPSHOT_DELETE_ALLOWED, 'qemuSnapshotDelete');
      await deleteSnapshot(scope, snapObj(scope, snap.name), flags);
    },
  };
}
