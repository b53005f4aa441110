import type { XNode } from '../tree.js';
import { fromNode, type Elem } from './elem.js';

/** The namespace URI an element's prefix resolves to, looking outwards through its ancestors. */
function resolveNs(n: XNode, ancestors: XNode[]): { uri?: string; declAttr: string } {
  const colon = n.name.indexOf(':');
  const declAttr = colon >= 0 ? `xmlns:${n.name.slice(0, colon)}` : 'xmlns';
  for (const a of [n, ...ancestors]) if (a.attrs[declAttr] !== undefined) return { uri: a.attrs[declAttr] || undefined, declAttr };
  return { declAttr };
}

/**
 * `<metadata>` as libvirt keeps it: a copy of the element whose children each carry their
 * namespace declaration; children without a namespace, and later children sharing an
 * earlier one's namespace, are dropped (virXMLNodeSanitizeNamespaces).
 */
export function parseMetadata(md: XNode, root: XNode): Elem {
  const kept: Elem[] = [];
  const seen = new Set<string>();
  for (const c of md.children) {
    const { uri, declAttr } = resolveNs(c, [md, root]);
    if (!uri || seen.has(uri)) continue;
    seen.add(uri);
    const e = fromNode(c);
    if (!e.attrs.some(([k]) => k === declAttr)) e.attrs.unshift([declAttr, uri]);
    kept.push(e);
  }
  return { name: 'metadata', attrs: [], children: kept };
}

const escAttr = (s: string) =>
  s.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);
const escText = (s: string) => s.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!);

/** libxml2's xmlNodeDump with formatting: double quotes, namespace declarations first. */
export function formatMetadataElem(e: Elem, depth: number): string {
  const pad = '  '.repeat(depth);
  const decls = e.attrs.filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'));
  const rest = e.attrs.filter(([k]) => !(k === 'xmlns' || k.startsWith('xmlns:')));
  const a = [...decls, ...rest].map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  if (e.children.length === 0) {
    if (e.text === undefined) return `${pad}<${e.name}${a}/>\n`;
    return `${pad}<${e.name}${a}>${escText(e.text)}</${e.name}>\n`;
  }
  return `${pad}<${e.name}${a}>\n${e.children.map((c) => formatMetadataElem(c, depth + 1)).join('')}${pad}</${e.name}>\n`;
}
