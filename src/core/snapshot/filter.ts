import { SnapshotList as L } from '../api/snapshot.js';
import { snapshotIsExternal, type SnapshotDef } from '../xml/snapshot/def.js';
import { listMoments, MomentListFlags, type MomentList, type MomentObj } from './moments.js';

const STATUS = L.INACTIVE | L.ACTIVE | L.DISK_ONLY;
const LOCATION = L.INTERNAL | L.EXTERNAL;
/** Every filter bit a snapshot listing accepts besides ROOTS/DESCENDANTS and TOPOLOGICAL. */
export const SNAPSHOT_LIST_FILTERS = L.METADATA | L.NO_METADATA | L.LEAVES | L.NO_LEAVES | STATUS | LOCATION;

/** Public list flags onto the shared moment flags (virDomainSnapshotObjListGetNames). */
const MOMENT_FLAG_MAP: ReadonlyArray<[number, number]> = [
  [L.ROOTS, MomentListFlags.ROOTS],
  [L.TOPOLOGICAL, MomentListFlags.TOPOLOGICAL],
  [L.LEAVES, MomentListFlags.LEAVES],
  [L.NO_LEAVES, MomentListFlags.NO_LEAVES],
  [L.METADATA, MomentListFlags.METADATA],
  [L.NO_METADATA, MomentListFlags.NO_METADATA],
];

/** virDomainSnapshotFilter: state and location filters (a group with every bit set is no filter). */
function snapshotFilter(flags: number): (def: SnapshotDef) => boolean {
  const status = (flags & STATUS) === STATUS ? 0 : flags & STATUS;
  const location = (flags & LOCATION) === LOCATION ? 0 : flags & LOCATION;
  return (def) => {
    if (status) {
      if (!(status & L.INACTIVE) && def.state === 'shutoff') return false;
      if (!(status & L.DISK_ONLY) && def.state === 'disk-snapshot') return false;
      if (!(status & L.ACTIVE) && def.state !== 'shutoff' && def.state !== 'disk-snapshot') return false;
    }
    if (location & L.INTERNAL && snapshotIsExternal(def)) return false;
    if (location & L.EXTERNAL && !snapshotIsExternal(def)) return false;
    return true;
  };
}

/** virDomainSnapshotObjListGetNames: the snapshots under `from` (or all) that pass `flags`. */
export function listSnapshots(
  list: MomentList<SnapshotDef>,
  from: MomentObj<SnapshotDef> | undefined,
  flags: number,
): MomentObj<SnapshotDef>[] {
  let moment = 0;
  let rest = flags;
  for (const [pub, m] of MOMENT_FLAG_MAP) {
    if (rest & pub) {
      rest &= ~pub;
      moment |= m;
    }
  }
  return listMoments(list, from, moment, snapshotFilter(rest));
}
