import type { XNode } from '../tree.js';
import { fromNode, type Elem } from './elem.js';

/** The namespace URI an element's prefix resolves to, looking outwards through its ancestors. */
function resolveNs(n: XNode, ancestors: XNode[]): string | undefined {
  const colon = n.name.indexOf(':');
  const declAttr = colon >= 0 ? `xmlns:${n.name.slice(0, colon)}` : 'xmlns';
  for (const a of [n, ...ancestors]) if (a.attrs[declAttr] !== undefined) return a.attrs[declAttr] || undefined;
  return undefined;
}

const isDecl = (k: string) => k === 'xmlns' || k.startsWith('xmlns:');
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined);

/**
 * xmlCopyNode's namespace fix-up: a prefix used inside <metadata> (by an element, then its
 * attributes, then its children) but declared outside it, on <domain>, is declared on the
 * copy's top element, in the order the copy meets it.
 */
function declareOutsideUses(n: XNode, inCopy: XNode[], root: XNode, decls: Array<[string, string]>): void {
  const prefixes = [prefixOf(n.name), ...Object.keys(n.attrs).filter((k) => !isDecl(k)).map(prefixOf)];
  for (const p of prefixes) {
    if (p === undefined || p === 'xml') continue;
    const decl = `xmlns:${p}`;
    if ([n, ...inCopy].some((a) => a.attrs[decl] !== undefined) || decls.some(([k]) => k === decl)) continue;
    if (root.attrs[decl] !== undefined) decls.push([decl, root.attrs[decl]]);
  }
  for (const c of n.children) declareOutsideUses(c, [n, ...inCopy], root, decls);
}

/**
 * `<metadata>` as libvirt keeps it: a copy of the element (its own attributes, and the
 * declarations of prefixes it borrows from <domain>), whose children without a namespace,
 * and later children sharing an earlier one's namespace, are dropped
 * (virXMLNodeSanitizeNamespaces).
 */
export function parseMetadata(md: XNode, root: XNode): Elem {
  const attrs: Array<[string, string]> = Object.entries(md.attrs);
  for (const c of md.children) declareOutsideUses(c, [md], root, attrs);
  const kept: Elem[] = [];
  const seen = new Set<string>();
  for (const c of md.children) {
    const uri = resolveNs(c, [md, root]);
    if (!uri || seen.has(uri)) continue;
    seen.add(uri);
    kept.push(fromNode(c));
  }
  return { name: 'metadata', attrs, children: kept };
}

const escAttr = (s: string) =>
  s.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);
const escText = (s: string) => s.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!);

/** libxml2's xmlNodeDump with formatting: double quotes, namespace declarations first. */
export function formatMetadataElem(e: Elem, depth: number): string {
  const pad = '  '.repeat(depth);
  // The predefined xml prefix is never written out, even when bound explicitly.
  const decls = e.attrs.filter(([k]) => isDecl(k) && k !== 'xmlns:xml');
  const rest = e.attrs.filter(([k]) => !isDecl(k));
  const a = [...decls, ...rest].map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  if (e.children.length === 0) {
    if (e.text === undefined) return `${pad}<${e.name}${a}/>\n`;
    return `${pad}<${e.name}${a}>${escText(e.text)}</${e.name}>\n`;
  }
  return `${pad}<${e.name}${a}>\n${e.children.map((c) => formatMetadataElem(c, depth + 1)).join('')}${pad}</${e.name}>\n`;
}
