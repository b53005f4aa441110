/**
 * The instance as libxml2's validator sees it and the validation states over it
 * (xmlRelaxNGValidState). Nodes are linked through `next`, which interleave validation
 * rewires while it runs and then re-links from `prev`, exactly as libxml2 does: nested
 * interleaves observe each other's re-linking, and their results depend on it.
 */
import type { XAttr, XChild, XDocument, XElement } from '../xpath/dom.js';

export interface VNode {
  kind: XChild['kind'] | 'document';
  /** Element local name, PI target; libxml2's node name for the others. */
  name: string;
  ns: string | undefined;
  /** Text, CDATA, comment content. */
  value: string;
  parent: VNode | undefined;
  children: VNode | undefined;
  next: VNode | undefined;
  prev: VNode | undefined;
  attrs: XAttr[];
}

const KIND_NAMES: Record<string, string> = { text: 'text', cdata: 'cdata', comment: 'comment', 'entity-ref': 'text' };

function build(n: XChild | XDocument, parent: VNode | undefined): VNode {
  const v: VNode = {
    kind: n.kind,
    name: n.kind === 'element' ? n.local : n.kind === 'pi' ? n.target : (KIND_NAMES[n.kind] ?? ''),
    ns: n.kind === 'element' ? n.ns : undefined,
    value: n.kind === 'element' || n.kind === 'document' ? '' : n.value,
    parent,
    children: undefined,
    next: undefined,
    prev: undefined,
    attrs: n.kind === 'element' ? (n as XElement).attrs : [],
  };
  if (n.kind === 'element' || n.kind === 'document') {
    let prev: VNode | undefined;
    for (const c of n.children) {
      const cv = build(c, v);
      if (prev) prev.next = cv;
      else v.children = cv;
      cv.prev = prev;
      prev = cv;
    }
  }
  return v;
}

export const instanceTree = (doc: XDocument): VNode => build(doc, undefined);

/** The value cursor: the tokens of a string and the current one (past the end = NULL). */
export interface ValueCursor {
  toks: string[];
  i: number;
  /** true inside a list (libxml2's endvalue set): the next value is the next token. */
  list: boolean;
}

export interface VState {
  node: VNode;
  seq: VNode | undefined;
  attrs: (XAttr | undefined)[];
  nbAttrLeft: number;
  value: ValueCursor | undefined;
}

export function newState(node: VNode): VState {
  if (node.kind === 'document') {
    let root = node.children;
    while (root && root.kind !== 'element') root = root.next;
    return { node, seq: root, attrs: [], nbAttrLeft: 0, value: undefined };
  }
  return { node, seq: node.children, attrs: [...node.attrs], nbAttrLeft: node.attrs.length, value: undefined };
}

export function copyState(s: VState): VState {
  return { ...s, attrs: [...s.attrs], value: s.value && { ...s.value } };
}

function sameValue(a: ValueCursor | undefined, b: ValueCursor | undefined): boolean {
  const va = a && a.i < a.toks.length ? a.toks[a.i] : undefined;
  const vb = b && b.i < b.toks.length ? b.toks[b.i] : undefined;
  return va === vb && !!a?.list === !!b?.list;
}

/** xmlRelaxNGEqualValidState. */
export function equalStates(a: VState, b: VState): boolean {
  if (a === b) return true;
  if (a.node !== b.node || a.seq !== b.seq) return false;
  if (a.nbAttrLeft !== b.nbAttrLeft || a.attrs.length !== b.attrs.length) return false;
  if (!sameValue(a.value, b.value)) return false;
  return a.attrs.every((x, i) => x === b.attrs[i]);
}

/** xmlRelaxNGAddStates: adds unless an equal state is there; 1 when added. */
export function addState(states: VState[], s: VState): number {
  if (states.some((t) => equalStates(s, t))) return 0;
  states.push(s);
  return 1;
}

const BLANK = /^[ \t\n\r]*$/;

export const isText = (n: VNode): boolean => n.kind === 'text' || n.kind === 'cdata';

export const isBlankNode = (n: VNode): boolean => isText(n) && BLANK.test(n.value);

/** xmlRelaxNGSkipIgnored: comments, PIs, and blank (or, in mixed content, any) text. */
export function skipIgnored(node: VNode | undefined, mixed: boolean): VNode | undefined {
  let n = node;
  while (n && (n.kind === 'comment' || n.kind === 'pi' || (isText(n) && (mixed || BLANK.test(n.value))))) n = n.next;
  return n;
}
