/**
 * Name-class matching without error reports (libxml2's xmlRelaxNGElementMatch run with a
 * silent or absent context): used by the schema analysis and the interleave partitioning.
 */
import type { Define } from './define.js';

/** A name to test: undefined ns = no namespace. libxml2 uses "\x01" for "no usable name". */
export interface QName {
  name: string;
  ns: string | undefined;
}

export const INVALID_NAME = '\u0001';

export function elementMatches(define: Define, q: QName): boolean {
  if (define.name !== undefined && q.name !== define.name) return false;
  if (define.ns) {
    if (q.ns === undefined || q.ns !== define.ns) return false;
  } else if (q.ns !== undefined && define.ns !== undefined && define.name === undefined) return false;
  else if (q.ns !== undefined && define.name !== undefined) return false;
  const nc = define.nameClass;
  if (!nc) return true;
  if (nc.type === 'except') {
    for (let l = nc.content; l; l = l.next) if (elementMatches(l, q)) return false;
    return true;
  }
  if (nc.type === 'choice') {
    for (let l = nc.nameClass; l; l = l.next) if (elementMatches(l, q)) return true;
    return false;
  }
  return false;
}

/** xmlRelaxNGAttributeMatch. */
export function attributeMatches(define: Define, q: QName): boolean {
  if (define.name !== undefined && define.name !== q.name) return false;
  if (define.ns !== undefined) {
    if (define.ns === '') {
      if (q.ns !== undefined) return false;
    } else if (q.ns === undefined || q.ns !== define.ns) return false;
  }
  const nc = define.nameClass;
  if (!nc) return true;
  if (nc.type === 'except') {
    for (let l = nc.content; l; l = l.next) if (attributeMatches(l, q)) return false;
    return true;
  }
  if (nc.type === 'choice') {
    for (let l = nc.nameClass; l; l = l.next) if (attributeMatches(l, q)) return true;
    return false;
  }
  return true;
}

/** xmlRelaxNGCompareNameClasses: 1 when the two name classes cannot both match a name. */
export function compareNameClasses(def1: Define, def2: Define): boolean {
  let ret = true;
  if (def1.type === 'element' || def1.type === 'attribute') {
    if (def2.type === 'text') return true;
    const q: QName = { name: def1.name ?? INVALID_NAME, ns: def1.ns ? def1.ns : undefined };
    if (elementMatches(def2, q)) ret = def1.nameClass ? compareNameClasses(def1.nameClass, def2) : false;
    else ret = true;
  } else if (def1.type === 'text') {
    return def2.type !== 'text';
  } else if (def1.type === 'except') {
    ret = !compareNameClasses(def1.content!, def2);
  } else ret = false;
  if (!ret) return ret;
  if (def2.type === 'element' || def2.type === 'attribute') {
    const ns = def2.ns === undefined ? INVALID_NAME : def2.ns === '' ? undefined : def2.ns;
    const q: QName = { name: def2.name ?? INVALID_NAME, ns };
    if (elementMatches(def1, q)) ret = def2.nameClass ? compareNameClasses(def2.nameClass, def1) : false;
    else ret = true;
  } else ret = false;
  return ret;
}

/** xmlRelaxNGCompareElemDefLists: false when some pair of the lists overlaps. */
export function disjointLists(l1: Define[], l2: Define[]): boolean {
  if (!l1.length || !l2.length) return true;
  for (const a of l1) for (const b of l2) if (!compareNameClasses(a, b)) return false;
  return true;
}
