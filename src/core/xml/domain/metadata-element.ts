import type { DomainDef, Elem } from './index.js';
import { parseXmlDocument } from '../parse.js';
import { formatMetadataElem } from './metadata.js';
import { fromNode } from './elem.js';
import { virErr } from '../../errors.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** In-scope namespace declarations: prefix ('' for the default namespace) to URI. */
type Scope = ReadonlyMap<string, string>;

const isDecl = (k: string) => k === 'xmlns' || k.startsWith('xmlns:');
const declPrefix = (k: string) => (k === 'xmlns' ? '' : k.slice('xmlns:'.length));
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

/** The scope inside `e`: the outer one plus `e`'s own declarations. */
function inner(e: Elem, outer: Scope): Scope {
  const decls = e.attrs.filter(([k]) => isDecl(k));
  if (!decls.length) return outer;
  const scope = new Map(outer);
  for (const [k, v] of decls) scope.set(declPrefix(k), v);
  return scope;
}

/**
 * The namespace URI `e` is in, given the scope inside it; undefined when it has none (no
 * prefix and no default namespace, `xmlns=""`, or a prefix nobody declared: libxml2 then keeps
 * the prefixed name as the plain name).
 */
function nsIn(e: Elem, scope: Scope): string | undefined {
  const prefix = prefixOf(e.name);
  // Copies resolve the xml prefix to the predefined namespace, whatever it was bound to.
  if (prefix === 'xml') return XML_NAMESPACE;
  return scope.get(prefix) || undefined;
}

/** The children of `<metadata>` with their namespaces. */
function metadataChildren(md: Elem): Array<{ child: Elem; ns: string | undefined; scope: Scope }> {
  const mdScope = inner(md, new Map());
  return md.children.map((child) => {
    const scope = inner(child, mdScope);
    return { child, ns: nsIn(child, scope), scope };
  });
}

/**
 * xmlCopyNode's namespace fix-up: prefixes `e`'s subtree uses (an element, then its
 * attributes, then its children) that only the tree outside declares are declared on the
 * copy's top element, in the order the copy meets them.
 */
function borrowedDecls(e: Elem, outside: Scope, local: Scope, out: Array<[string, string]>): void {
  const here = inner(e, local);
  // An unprefixed attribute is in no namespace; an unprefixed element in the default one.
  const prefixedAttrs = e.attrs.filter(([k]) => !isDecl(k) && k.includes(':'));
  for (const p of [prefixOf(e.name), ...prefixedAttrs.map(([k]) => prefixOf(k))]) {
    if (p === 'xml' || here.has(p) || out.some(([k]) => declPrefix(k) === p)) continue;
    const uri = outside.get(p);
    if (uri) out.push([p ? `xmlns:${p}` : 'xmlns', uri]);
  }
  for (const c of e.children) borrowedDecls(c, outside, here, out);
}

/**
 * Elements of `e`'s subtree in namespace `uri` lose it, and so their prefix. Attributes whose
 * prefix is bound by `freed` (the declaration dropped from the top element) print without it:
 * libxml2 frees that declaration under them.
 */
function dropNamespace(e: Elem, scope: Scope, uri: string | null, freed: string | undefined, top = true): Elem {
  const here = inner(e, scope);
  const redeclares = !top && e.attrs.some(([k]) => isDecl(k) && declPrefix(k) === freed);
  const stillBound = freed !== undefined && !redeclares;
  return {
    name: nsIn(e, here) === uri ? localOf(e.name) : e.name,
    attrs: e.attrs.map(([k, v]) => [stillBound && !isDecl(k) && k.includes(':') && prefixOf(k) === freed ? localOf(k) : k, v]),
    children: e.children.map((c) => dropNamespace(c, here, uri, stillBound ? freed : undefined, false)),
    text: e.text,
  };
}

/** virXMLExtractNamespaceXML: the first `<metadata>` child in namespace `uri`, out of it. */
export function getMetadataElement(def: DomainDef, uri: string | null): string | undefined {
  const md = def.metadata;
  const found = md && metadataChildren(md).find((c) => c.ns === (uri ?? undefined));
  if (!found) return undefined;
  const outside = inner(md, new Map());
  const borrowed: Array<[string, string]> = [];
  borrowedDecls(found.child, outside, new Map(), borrowed);
  const copy: Elem = { ...found.child, attrs: [...found.child.attrs, ...borrowed] };
  const first = copy.attrs.findIndex(([k, v]) => isDecl(k) && v === uri);
  const freed = first >= 0 ? declPrefix(copy.attrs[first][0]) : undefined;
  const stripped = dropNamespace(copy, new Map(), uri, freed);
  if (first >= 0) stripped.attrs = stripped.attrs.filter((_, i) => i !== first);
  return formatMetadataElem(stripped, 0).replace(/\n$/, '');
}

/** An XML NCName (a namespace prefix). */
const NCNAME = /^[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*$/;

/** virXMLInjectNamespace: elements of the fragment without a namespace move into `key`'s. */
function inject(e: Elem, scope: Scope, key: string): Elem {
  const here = inner(e, scope);
  return {
    name: nsIn(e, here) === undefined ? `${key}:${e.name}` : e.name,
    attrs: e.attrs,
    children: e.children.map((c) => inject(c, here, key)),
    text: e.text,
  };
}

/** Whether a node precedes the root element (the XML declaration is not a node). */
function markupBeforeRoot(doc: string): boolean {
  const prolog = doc.replace(/^\uFEFF?\s*(<\?xml[\s?][^]*?\?>)?\s*/, '');
  return prolog.startsWith('<!') || prolog.startsWith('<?');
}

/** virDomainDefSetMetadata for METADATA_ELEMENT: parses and checks up front, returns the edit. */
export function setMetadataElement(
  metadata: string | null,
  key: string | null,
  uri: string | null,
): (def: DomainDef) => void {
  let added: Elem | undefined;
  if (metadata !== null) {
    const root = fromNode(parseXmlDocument(metadata, '(metadata_xml)'));
    if (key === null || !NCNAME.test(key))
      throw virErr('INTERNAL_ERROR', 'failed to validate prefix for a new XML namespace');
    // xmlNewNs refuses a prefix the element already declares, and a document whose first
    // node is not the element (a comment, processing instruction or DOCTYPE before it).
    if (root.attrs.some(([k]) => k === `xmlns:${key}`) || markupBeforeRoot(metadata))
      throw virErr('INTERNAL_ERROR', 'failed to create a new XML namespace');
    const withDecl: Elem = { ...root, attrs: [...root.attrs, [`xmlns:${key}`, uri ?? '']] };
    added = inject(withDecl, new Map(), key);
  }
  return (def) => {
    if (added) def.metadata ??= { name: 'metadata', attrs: [], children: [] };
    if (!def.metadata) return;
    const md = def.metadata;
    md.children = metadataChildren(md)
      .filter((c) => c.ns !== (uri ?? undefined))
      .map((c) => c.child);
    if (added) md.children.push(structuredClone(added));
  };
}
