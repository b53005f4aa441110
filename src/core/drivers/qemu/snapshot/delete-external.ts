// The checks qemuSnapshotDeleteExternalPrepare makes before it merges an external snapshot's
// overlays. The merge itself runs as block jobs of a QEMU process (started paused when the
// domain is off), so it belongs to the live path.
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, sub, type Elem } from '../../../xml/domain/elem.js';
import { snapshotIsExternal, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { defOf, type MomentObj } from '../../../snapshot/moments.js';

interface Source {
  type: string;
  path?: string;
}

const sourceOf = (el: Elem): Source => {
  const type = attr(el, 'type') ?? 'file';
  const src = sub(el, 'source');
  return { type, path: attr(src, 'file') ?? attr(src, 'dev') ?? attr(src, 'dir') ?? attr(src, 'name') };
};

/** The disk's source and the `<backingStore>` chain its definition spells out. */
function chainOf(disk: Elem): Source[] {
  const out: Source[] = [];
  for (let cur: Elem | undefined = disk; cur && sub(cur, 'source'); cur = sub(cur, 'backingStore')) out.push(sourceOf(cur));
  return out;
}

const diskByTarget = (def: DomainDef | undefined, dst: string) =>
  def?.devices.find((d) => d.kind === 'disk' && attr(sub(d.el, 'target'), 'dev') === dst)?.el;

const sameLocation = (a: Source, b: Source) => a.type === b.type && a.path === b.path;

/** qemuSnapshotFindParentSnapForDisk */
function parentSnapForDisk(snap: MomentObj<SnapshotDef>, name: string): MomentObj<SnapshotDef> | undefined {
  for (let p = snap.parent; p?.def; p = p.parent) {
    if (defOf(p).disks.some((d) => d.snapshot !== 'no' && d.name === name)) return p;
  }
  return undefined;
}

/** qemuSnapshotDeleteExternalPrepare's validation for a shut-off domain. */
export function prepareDeleteExternal(dom: DomainDef, snap: MomentObj<SnapshotDef>): void {
  const def = defOf(snap);
  for (const sd of def.disks) {
    if (sd.snapshot === 'no') continue;
    if (sd.deleteInProgress) throw virErr('OPERATION_INVALID', `snapshot disk '${sd.name}' was target of not completed snapshot delete`);
    const disk = diskByTarget(dom, sd.name);
    if (!disk) throw virErr('INVALID_ARG', `disk '${sd.name}' not found in domain`);
    const wanted: Source = { type: sd.type, path: sd.path };
    if (!chainOf(disk).some((s) => sameLocation(s, wanted))) throw virErr('INVALID_ARG', 'could not find base disk source in disk source chain');
    if (!diskByTarget(def.dom, sd.name)) throw virErr('OPERATION_FAILED', `failed to find disk '${sd.name}' in snapshot VM XML`);
    const parent = parentSnapForDisk(snap, sd.name);
    if (parent && !snapshotIsExternal(defOf(parent))) {
      throw virErr('OPERATION_UNSUPPORTED', 'deleting external snapshot that has internal snapshot as parent not supported');
    }
  }
}
