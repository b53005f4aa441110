import { SnapshotDelete as D } from '../../../api/snapshot.js';
import { unsupported, virErr } from '../../../errors.js';
import { snapshotIsExternal, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { defOf, descendants, dropParent, findMoment, moveChildren, removeMoment, type MomentObj } from '../../../snapshot/moments.js';
import { isActive } from '../domain/obj.js';
import { forEachQcow2 } from './offline.js';
import { prepareDeleteExternal } from './delete-external.js';
import { writeMetadata, type SnapshotScope } from './state.js';
import { qemuDisks } from './disks.js';
import { updateDescendantDisks } from './descendant-disks.js';
import { delvm } from './hmp.js';
import type { DomainDef } from '../../../xml/domain/index.js';

export const SNAPSHOT_DELETE_ALLOWED = D.CHILDREN | D.METADATA_ONLY | D.CHILDREN_ONLY;

/** The disk named `dst` of `def`: its storage type and path (virStorageSourceIsSameLocation's terms). */
function diskSource(def: DomainDef | undefined, dst: string): string | undefined {
  const d = def && qemuDisks(def).find((x) => x.dst === dst);
  return d && `${d.type}:${d.source ?? ''}`;
}

/** qemuSnapshotDeleteValidate */
function validate(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): void {
  const def = defOf(snap);
  if (!snapshotIsExternal(def) && isActive(scope.obj)) {
    for (const sd of def.disks) {
      if (diskSource(scope.obj.def, sd.name) !== diskSource(def.dom, sd.name)) {
        throw virErr(
          'OPERATION_UNSUPPORTED',
          `disk image '${sd.name}' for internal snapshot '${def.name}' is not the same as disk image currently used by VM`,
        );
      }
    }
  }
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
 * parent and every descendant's captured disks forget its images (their files rewritten),
 * and a current snapshot hands that role to its parent.
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
    for (const d of updateDescendantDisks(snap)) writeMetadata(scope, d);
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

/**
 * qemuSnapshotDiscardImpl: the internal snapshots go first (qemu-img on a shut-off domain's
 * images, failures skipped; QEMU's delvm on a running one, whose failure libvirt ignores),
 * then the metadata.
 */
async function discard(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, metadataOnly: boolean): Promise<void> {
  const def = defOf(snap);
  if (!metadataOnly) {
    // External snapshots merge their overlays through block jobs: not here yet.
    if (snapshotIsExternal(def)) throw unsupported('virDomainSnapshotDelete');
    const proc = scope.obj.proc;
    if (isActive(scope.obj) && proc) await delvm(proc.qmp, def.name).catch(() => undefined);
    else await forEachQcow2(def.dom ?? scope.obj.def, def, '-d', true);
  }
  discardMetadata(scope, snap, true);
}

/** qemuSnapshotDelete after the lookup. */
export async function deleteSnapshot(scope: SnapshotScope, snap: MomentObj<SnapshotDef>, flags: number): Promise<void> {
  const metadataOnly = !!(flags & D.METADATA_ONLY);
  if (!metadataOnly) {
    validate(scope, snap, flags);
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
