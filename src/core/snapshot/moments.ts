import { virErr } from '../errors.js';
import type { MomentDef } from '../xml/snapshot/def.js';

/**
 * libvirt's virDomainMomentObjList: the tree of one domain's snapshots (or checkpoints).
 * Children are kept in libvirt's linked-list order (a newly linked child goes first), which
 * is the order topological listings show.
 */
export interface MomentObj<D extends MomentDef> {
  /** undefined only for the metaroot, the invisible parent of all roots. */
  def: D | undefined;
  parent: MomentObj<D> | undefined;
  children: MomentObj<D>[];
}

export interface MomentList<D extends MomentDef> {
  objs: Map<string, MomentObj<D>>;
  metaroot: MomentObj<D>;
  current: MomentObj<D> | undefined;
}

/** VIR_DOMAIN_MOMENT_LIST_* (the driver-internal flag set both moment kinds map onto). */
export const MomentListFlags = {
  ROOTS: 1 << 0,
  DESCENDANTS: 1 << 0,
  TOPOLOGICAL: 1 << 1,
  LEAVES: 1 << 2,
  NO_LEAVES: 1 << 3,
  METADATA: 1 << 4,
  NO_METADATA: 1 << 5,
} as const;

export function newMomentList<D extends MomentDef>(): MomentList<D> {
  return { objs: new Map(), metaroot: { def: undefined, parent: undefined, children: [] }, current: undefined };
}

export const defOf = <D extends MomentDef>(m: MomentObj<D>): D => m.def as D;

export function findMoment<D extends MomentDef>(list: MomentList<D>, name: string | undefined): MomentObj<D> | undefined {
  return name === undefined ? undefined : list.objs.get(name);
}

/** virDomainMomentAssignDef */
export function assignMoment<D extends MomentDef>(list: MomentList<D>, def: D): MomentObj<D> {
  if (list.objs.has(def.name)) throw virErr('OPERATION_FAILED', `domain moment ${def.name} already exists`, 'DOMAIN');
  const m: MomentObj<D> = { def, parent: undefined, children: [] };
  list.objs.set(def.name, m);
  return m;
}

function setParent<D extends MomentDef>(m: MomentObj<D>, parent: MomentObj<D>): void {
  m.parent = parent;
  parent.children.unshift(m);
}

/** virDomainMomentLinkParent: under its named parent, or the metaroot. */
export function linkParent<D extends MomentDef>(list: MomentList<D>, m: MomentObj<D>): void {
  setParent(m, findMoment(list, defOf(m).parentName) ?? list.metaroot);
}

/** virDomainMomentDropParent */
export function dropParent<D extends MomentDef>(m: MomentObj<D>): void {
  if (!m.parent) return;
  const i = m.parent.children.indexOf(m);
  if (i >= 0) m.parent.children.splice(i, 1);
  m.parent = undefined;
}

/** virDomainMomentMoveChildren: from's children go in front of to's. */
export function moveChildren<D extends MomentDef>(from: MomentObj<D>, to: MomentObj<D>): void {
  for (const c of from.children) c.parent = to;
  to.children.unshift(...from.children);
  from.children = [];
}

/** Pre-order walk of all descendants (virDomainMomentForEachDescendant). */
export function descendants<D extends MomentDef>(m: MomentObj<D>): MomentObj<D>[] {
  const out: MomentObj<D>[] = [];
  for (const c of m.children) out.push(c, ...descendants(c));
  return out;
}

/** virDomainMomentObjListRemove: returns whether it was the current one. */
export function removeMoment<D extends MomentDef>(list: MomentList<D>, m: MomentObj<D>): boolean {
  const wasCurrent = list.current === m;
  list.objs.delete(defOf(m).name);
  if (wasCurrent) list.current = undefined;
  return wasCurrent;
}

/** virDomainMomentCheckCycles: a redefined moment's parent must exist and not descend from it. */
export function checkCycles<D extends MomentDef>(list: MomentList<D>, def: D): void {
  if (def.parentName === undefined) return;
  if (def.name === def.parentName) {
    throw virErr('INVALID_ARG', `cannot set moment ${def.name} as its own parent`, 'DOMAIN');
  }
  let other: MomentObj<D> | undefined = findMoment(list, def.parentName);
  if (!other) throw virErr('INVALID_ARG', `parent ${def.parentName} for moment ${def.name} not found`, 'DOMAIN');
  for (let cur: MomentObj<D> | undefined = other; cur && defOf(cur).parentName !== undefined; cur = findMoment(list, defOf(cur).parentName)) {
    if (defOf(cur).parentName === def.name) {
      throw virErr('INVALID_ARG', `parent ${defOf(cur).name} would create cycle to ${def.name}`, 'DOMAIN');
    }
  }
}

/**
 * virDomainMomentUpdateRelations: rebuilds the tree from parent names (node-file loading);
 * `warn` is libvirt's VIR_WARN for each moment whose parent is missing or loops back.
 */
export function updateRelations<D extends MomentDef>(list: MomentList<D>, warn?: (where: string, text: string) => void): boolean {
  let ok = true;
  list.metaroot.children = [];
  for (const m of list.objs.values()) m.children = [];
  for (const m of list.objs.values()) {
    let parent = findMoment(list, defOf(m).parentName);
    if (!parent) {
      if (defOf(m).parentName !== undefined) {
        ok = false;
        warn?.('virDomainMomentSetRelations:491', `moment ${defOf(m).name} lacks parent ${defOf(m).parentName}`);
      }
      parent = list.metaroot;
    } else {
      for (let p: MomentObj<D> | undefined = parent; p?.def; p = p.parent) {
        if (p === m) {
          ok = false;
          parent = list.metaroot;
          warn?.('virDomainMomentSetRelations:500', `moment ${defOf(m).name} in circular chain`);
          break;
        }
      }
    }
    setParent(m, parent);
  }
  if (!ok) list.current = undefined;
  return ok;
}

/**
 * virDomainMomentObjListGetNames: the moments under `from` (or the whole list) that pass the
 * leaf/metadata flags and the kind-specific filter, in tree order.
 */
export function listMoments<D extends MomentDef>(
  list: MomentList<D>,
  from: MomentObj<D> | undefined,
  momentFlags: number,
  filter: (def: D) => boolean,
): MomentObj<D>[] {
  let flags = momentFlags;
  let start = from;
  if (!start) {
    flags ^= MomentListFlags.ROOTS;
    start = list.metaroot;
  }
  const meta = flags & (MomentListFlags.METADATA | MomentListFlags.NO_METADATA);
  if (meta === MomentListFlags.NO_METADATA) return [];
  const pool = flags & MomentListFlags.DESCENDANTS ? descendants(start) : [...start.children];
  return pool.filter((m) => {
    if (flags & MomentListFlags.LEAVES && m.children.length) return false;
    if (flags & MomentListFlags.NO_LEAVES && !m.children.length) return false;
    return filter(defOf(m));
  });
}
