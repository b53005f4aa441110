import { SnapshotDelete } from '../../../api/snapshot.js';
import type { MomentDef } from '../../../xml/snapshot/def.js';
import {
  defOf,
  descendants,
  dropParent,
  findMoment,
  moveChildren,
  removeMoment,
  type MomentList,
  type MomentObj,
} from '../../../snapshot/moments.js';

/** The body of testDomainSnapshotDelete / testDomainCheckpointDelete (same bit values). */
export function deleteMoment<D extends MomentDef>(list: MomentList<D>, m: MomentObj<D>, flags: number): void {
  if (flags & (SnapshotDelete.CHILDREN | SnapshotDelete.CHILDREN_ONLY)) {
    let hadCurrent = false;
    for (const d of descendants(m)) hadCurrent = removeMoment(list, d) || hadCurrent;
    if (hadCurrent) list.current = m;
  } else if (m.children.length) {
    const parent = m.parent ?? list.metaroot;
    for (const c of m.children) defOf(c).parentName = parent.def?.name;
    moveChildren(m, parent);
  }
  if (flags & SnapshotDelete.CHILDREN_ONLY) {
    m.children = [];
    return;
  }
  dropParent(m);
  if (list.current === m) list.current = findMoment(list, defOf(m).parentName);
  removeMoment(list, m);
}
