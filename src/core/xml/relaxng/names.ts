/**
 * Name-class matching without error reports (libxml2's xmlRelaxNGElementMatch without a
 * context, and xmlRelaxNGAttributeMatch): interleave partitioning and attribute lookup.
 */
import type { Define } from './define.js';

/** A name to test: undefined ns = no namespace. */
export interface QName {
  name: string;
  ns: string | undefined;
}

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
