// qemuSnapshotDeleteUpdateDisks: when a snapshot with children goes, the domains its
// descendants captured are rewritten as if its images were gone. An external descendant
// whose disk was the deleted snapshot's overlay takes the parent's source again, and any
// backing-chain element at the deleted snapshot's location is cut out. An internal snapshot
// disk names no image, and libvirt counts that as the same location as a chain terminator
// (both empty), so a captured `<backingStore/>` goes too.
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, cloneElem, sub, type Elem } from '../../../xml/domain/elem.js';
import { snapshotIsExternal, type SnapshotDef, type SnapshotDiskDef } from '../../../xml/snapshot/def.js';
import { defOf, descendants, type MomentObj } from '../../../snapshot/moments.js';

interface Location {
  type: string;
  path?: string;
}

const LOCAL = ['file', 'block', 'dir'];

/** virStorageSourceIsEmpty */
const isEmpty = (l: Location) => l.type === 'none' || (LOCAL.includes(l.type) && !l.path);

/** virStorageSourceIsSameLocation for the local sources a snapshot names. */
function sameLocation(a: Location, b: Location): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return a.type === b.type && a.path === b.path;
}

/** The location a disk or `<backingStore>` element holds (no type: a terminator). */
function locationOf(el: Elem): Location {
  const src = sub(el, 'source');
  return { type: attr(el, 'type') ?? (el.name === 'backingStore' ? 'none' : 'file'), path: attr(src, 'file') ?? attr(src, 'dev') ?? attr(src, 'dir') };
}

const diskByName = (def: DomainDef | undefined, name: string) =>
  def?.devices.find((d) => d.kind === 'disk' && attr(sub(d.el, 'target'), 'dev') === name)?.el;

/** The disk's source, storage type, format and backing chain from `from`. */
function takeSource(disk: Elem, from: Elem): void {
  disk.attrs = disk.attrs.filter(([k]) => k !== 'type');
  const type = attr(from, 'type');
  if (type) disk.attrs.unshift(['type', type]);
  const keep = disk.children.filter((c) => c.name !== 'source' && c.name !== 'backingStore' && c.name !== 'driver');
  const taken = from.children.filter((c) => c.name === 'driver' || c.name === 'source' || c.name === 'backingStore').map(cloneElem);
  disk.children = [...taken, ...keep];
}

/** qemuSnapshotUpdateDisksSingle */
function updateDisk(external: boolean, def: DomainDef | undefined, parentDef: DomainDef | undefined, sd: SnapshotDiskDef): void {
  const disk = diskByName(def, sd.name);
  if (!disk) return;
  const gone: Location = { type: sd.type, path: sd.path };
  if (external) {
    const parentDisk = diskByName(parentDef, sd.name);
    if (!parentDisk) return;
    if (sameLocation(gone, locationOf(disk))) takeSource(disk, parentDisk);
  }
  for (let cur = disk, next = sub(disk, 'backingStore'); next; cur = next, next = sub(cur, 'backingStore')) {
    if (sameLocation(gone, locationOf(next))) {
      const below = sub(next, 'backingStore');
      const at = cur.children.indexOf(next);
      if (below) cur.children.splice(at, 1, below);
      else cur.children.splice(at, 1);
      break;
    }
  }
}

/** Every descendant of `snap` updated in memory; returns them for their files to be written. */
export function updateDescendantDisks(snap: MomentObj<SnapshotDef>): MomentObj<SnapshotDef>[] {
  const gone = defOf(snap);
  const all = descendants(snap);
  for (const d of all) {
    const def = defOf(d);
    const external = snapshotIsExternal(def);
    for (const sd of gone.disks) {
      if (sd.snapshot === 'no') continue;
      updateDisk(external, def.dom, gone.dom, sd);
      if (def.inactiveDom) updateDisk(external, def.inactiveDom, gone.inactiveDom ?? gone.dom, sd);
    }
  }
  return all;
}
