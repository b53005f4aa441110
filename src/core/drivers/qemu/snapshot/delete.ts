import { SnapshotDelete as D } from '../../../api/snapshot.js';
import { unsupported, virErr } from '../../../errors.js';
import { snapshotIsExternal, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { defOf, descendants, dropParent, findMoment, moveChildren, removeMoment, type MomentObj } from '../../../snapshot/moments.js';
import { isActive } from '../domain/obj.js';
import { forEachQcow2 } from './offline.js';
import { prepareDeleteExternal } from './delete-external.js';
import { writeMetadata, type SnapshotScope } from './state.js';

export const SNAPSHOT_DELETE_ALLOWED = D.CHILDREN | D.METADATA_ONLY | D.CHILDREN_ONLY;

/** qemuSnapshotDeleteValidate (the parts a shut-off domain reaches). */
function validate(snap: MomentObj<SnapshotDef>, flags: number): void {
  const def = defOf(snap);
  if (flags & (D.CHILDREN | D.CHILDREN_ONLY)) {
    const kids = descendants(snap).map((d) => snapshotIsExternal(defOf(d)));
    const external = kids.filter(Boolean).length;
    if (external && external < kids.length) {
      throw virErr('CONFIG_UNSUPPORTED', 'deletion of external and internal children disk snapshots not supported');
    }
    if (external) throw virErr('CONFIG_UNSUPPORTED', 'deletion of external children disk snapshots not supported');
  }
  if (snapshotIsExternal(def) && flags & D.CHILDREN) {
    throw virErr('CONFIG_UNSUPPORTED', 'deletion of external disk snapshots with children not supported');
  }
}

/**
 * qemuSnapshotDiscardMetadata: with `updateParent` the children move up to the snapshot's
 * parent (their files rewritten) and a current snapshot hands that role to its parent.
 */
export function discardMetadata(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, updateParent: boolean): void {
  const { list } = scope;
  const def = defOf(snap);
  if (updateParent && snap.children.length) {
    const parent = snap.parent ?? list.metaroot;
    for (const c of snap.children) {
      defOf(c).parentName = parent.def?.name;
      writeMetadata(scope, c);
    }
    moveChildren(snap, parent);
  }
  if (list.current === snap) {
    list.current = undefined;
    const parent = updateParent ? findMoment(list, def.parentName) : undefined;
    if (parent) {
      list.current = parent;
      writeMetadata(scope, parent);
    }
  }
  scope.store.remove(scope.obj.def.name, def.name);
  if (updateParent) dropParent(snap);
  removeMoment(list, snap);
}

/** qemuSnapshotDiscardImpl: the qcow2 snapshots (failures skipped), then the metadata. */
async function discard(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, metadataOnly: boolean): Promise<void> {
  const def = defOf(snap);
  if (!metadataOnly) {
    if (isActive(scope.obj) || snapshotIsExternal(def)) throw unsupported('virDomainSnapshotDelete');
    await forEachQcow2(def.dom ?? scope.obj.def, def, '-d', true);
  }
  discardMetadata(scope, snap, true);
}

/** qemuSnapshotDelete after the lookup. */
export async function deleteSnapshot(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): Promise<void> {
  const metadataOnly = !!(flags & D.METADATA_ONLY);
  if (!metadataOnly) {
    validate(snap, flags);
    // Deleting an external snapshot merges images through a QEMU process's block jobs.
    if (snapshotIsExternal(defOf(snap)) && !(flags & (D.CHILDREN | D.CHILDREN_ONLY))) {
      prepareDeleteExternal(scope.obj.def, snap);
      throw unsupported('virDomainSnapshotDelete');
    }
  }
  if (flags & (D.CHILDREN | D.CHILDREN_ONLY)) {
    for (const d of descendants(snap)) await discard(scope, d, metadataOnly);
    if (flags & D.CHILDREN_ONLY) return;
  }
  await discard(scope, snap, metadataOnly);
}

/** qemuSnapshotDiscardAllMetadata (undefine --snapshots-metadata). */
export function discardAllMetadata(scope: SnapshotScope): void {
  for (const snap of [...scope.list.objs.values()]) discardMetadata(scope, snap, false);
  scope.list.metaroot.children = [];
}
