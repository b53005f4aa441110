import { rmSync } from 'node:fs';
import type { DomainHandle } from '../../../api/handles.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { defOf, findMoment, type MomentList, type MomentObj } from '../../../snapshot/moments.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { noSnapshot, SnapshotStore } from './store.js';

/**
 * vm->snapshots of every domain object, read from the driver's snapshot directory the first
 * time the domain's snapshots are asked for (libvirt reads them all at driver start-up;
 * reading on first use shows the same). A domain object defined anew starts from its files.
 */
const lists = new WeakMap<QemuDomainObj, MomentList<SnapshotDef>>();
const stores = new WeakMap<QemuDriver, SnapshotStore>();

export function snapshotStore(drv: QemuDriver): SnapshotStore {
  let s = stores.get(drv);
  if (!s) {
    s = new SnapshotStore(drv.paths.libDir);
    stores.set(drv, s);
  }
  return s;
}

export function snapshotsOf(drv: QemuDriver, obj: QemuDomainObj): MomentList<SnapshotDef> {
  let list = lists.get(obj);
  if (!list) {
    list = snapshotStore(drv).load(obj.def.name);
    lists.set(obj, list);
  }
  return list;
}

/** virDomainSnapshotObjListNum(vm->snapshots, NULL, 0): list --with-snapshot, undefine. */
export const snapshotCount = (drv: QemuDriver, obj: QemuDomainObj): number => snapshotsOf(drv, obj).objs.size;

/** One domain's snapshots with the driver's metadata writer bound to them. */
export interface SnapshotScope {
  drv: QemuDriver;
  obj: QemuDomainObj;
  list: MomentList<SnapshotDef>;
  store: SnapshotStore;
}

export function scopeOf(drv: QemuDriver, dom: DomainHandle): SnapshotScope {
  const obj = drv.domains.fromHandle(dom);
  return { drv, obj, list: snapshotsOf(drv, obj), store: snapshotStore(drv) };
}

/** qemuSnapObjFromName */
export function snapObj(scope: SnapshotScope, name: string): MomentObj<SnapshotDef> {
  const snap = findMoment(scope.list, name);
  if (!snap) throw noSnapshot(name);
  return snap;
}

/** qemuDomainSnapshotWriteMetadata */
export function writeMetadata(scope: SnapshotScope, snap: MomentObj<SnapshotDef>): void {
  scope.store.write(scope.obj.def.name, scope.obj.def.uuid, defOf(snap), scope.list.current === snap);
}

/** qemuSnapshotSetCurrent: the previous current snapshot's file loses its `<active>1`. */
export function setCurrent(scope: SnapshotScope, snap: MomentObj<SnapshotDef> | undefined): void {
  const old = scope.list.current;
  scope.list.current = snap;
  if (old && old !== snap) writeMetadata(scope, old);
}

/** qemuDomainRemoveInactiveCommon's rmdir of LIBDIR/snapshot/DOMAIN once the domain is gone. */
export function removeSnapshotDir(drv: QemuDriver, obj: QemuDomainObj): void {
  snapshotStore(drv).removeDomainDir(obj.def.name);
}

/**
 * qemuDomainRenameCallback's share: every snapshot's metadata written again under the new
 * name (a stale directory of that name goes first), then the old name's directory removed.
 */
export function renameSnapshotDir(drv: QemuDriver, obj: QemuDomainObj, oldName: string): void {
  const store = snapshotStore(drv);
  rmSync(store.domainDir(obj.def.name), { recursive: true, force: true });
  const scope = { drv, obj, list: snapshotsOf(drv, obj), store };
  for (const snap of scope.list.objs.values()) writeMetadata(scope, snap);
  rmSync(store.domainDir(oldName), { recursive: true, force: true });
}
