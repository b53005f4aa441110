import type { XNode } from '../tree.js';
import { escapeXml } from '../writer.js';

/**
 * A generic element kept in libvirt's canonical shape: attributes in output order, children
 * in output order. Used for the parts of the domain model that libvirt formats back as a
 * straight re-serialisation of what it parsed (features, cpu, tunables, rarer devices).
 */
export interface Elem {
  name: string;
  attrs: Array<[string, string]>;
  children: Elem[];
  /** Character data (trimmed leaf text); undefined for elements with element content. */
  text?: string;
  /** Written as an open/close pair even when empty (libvirt does for a few elements). */
  open?: boolean;
}

export function elem(name: string, attrs: Array<[string, string | number | undefined]> = [], children: Elem[] = [], text?: string): Elem {
  const a: Array<[string, string]> = [];
  for (const [k, v] of attrs) if (v !== undefined) a.push([k, String(v)]);
  return { name, attrs: a, children, text };
}

export function attr(e: Elem | undefined, name: string): string | undefined {
  return e?.attrs.find(([k]) => k === name)?.[1];
}

export function setAttr(e: Elem, name: string, value: string | undefined): void {
  const i = e.attrs.findIndex(([k]) => k === name);
  if (value === undefined) {
    if (i >= 0) e.attrs.splice(i, 1);
  } else if (i >= 0) e.attrs[i] = [name, value];
  else e.attrs.push([name, value]);
}

export function sub(e: Elem | undefined, name: string): Elem | undefined {
  return e?.children.find((c) => c.name === name);
}

export function subs(e: Elem | undefined, name: string): Elem[] {
  return e ? e.children.filter((c) => c.name === name) : [];
}

/** Converts a parsed node verbatim (document order, all attributes). */
export function fromNode(n: XNode): Elem {
  const children = n.children.map(fromNode);
  const text = children.length === 0 && n.text.trim() !== "" ? n.text : undefined;
  return { name: n.name, attrs: Object.entries(n.attrs), children, text };
}

export function cloneElem(e: Elem): Elem {
  return { name: e.name, attrs: e.attrs.map(([k, v]) => [k, v]), children: e.children.map(cloneElem), text: e.text };
}

/** Serialises in libvirt's layout at the given indent depth. */
export function formatElem(e: Elem, depth: number): string {
  const pad = '  '.repeat(depth);
  const a = e.attrs.map(([k, v]) => ` ${k}='${escapeXml(v)}'`).join('');
  if (e.children.length === 0) {
    if (e.open) return `${pad}<${e.name}${a}>\n${pad}</${e.name}>\n`;
    if (e.text === undefined) return `${pad}<${e.name}${a}/>\n`;
    return `${pad}<${e.name}${a}>${escapeXml(e.text)}</${e.name}>\n`;
  }
  return `${pad}<${e.name}${a}>\n${e.children.map((c) => formatElem(c, depth + 1)).join('')}${pad}</${e.name}>\n`;
}

/**
 * A declarative description of an element's canonical form: which attributes libvirt keeps
 * and in what order, which children and in what order. Anything not listed is dropped, as
 * libvirt's parser ignores unknown XML.
 */
export interface ElemSpec {
  attrs?: string[];
  /** Child element specs in output order. */
  children?: Array<[string, ElemSpec]>;
  /** Keeps character data. */
  text?: boolean;
  /** Keeps the element's content verbatim (for free-form parts). */
  verbatim?: boolean;
}

/** Rebuilds `n` in the canonical order of `spec`. */
export function canon(n: XNode, spec: ElemSpec): Elem {
  if (spec.verbatim) return fromNode(n);
  const attrs: Array<[string, string]> = [];
  for (const k of spec.attrs ?? []) if (n.attrs[k] !== undefined) attrs.push([k, n.attrs[k]]);
  const children: Elem[] = [];
  for (const [name, cs] of spec.children ?? []) {
    for (const c of n.children) if (c.name === name) children.push(canon(c, cs));
  }
  const text = spec.text && children.length === 0 && n.text.trim() !== "" ? n.text : undefined;
  return { name: n.name, attrs, children, text };
}

/** Drops the attributes not in `names` (a type-dependent attribute set). */
export function keepAttrs(e: Elem | undefined, names: readonly string[]): void {
  if (e) e.attrs = e.attrs.filter(([k]) => names.includes(k));
}
