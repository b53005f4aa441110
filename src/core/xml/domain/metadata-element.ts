import type { DomainDef, Elem } from './index.js';
import { parseXmlDocument } from '../parse.js';
import { formatMetadataElem } from './metadata.js';
import { fromNode } from './elem.js';
import { virErr } from '../../errors.js';

const isDecl = (k: string) => k === 'xmlns' || k.startsWith('xmlns:');

/** The namespace URI of a `<metadata>` child: declared on itself, or on <metadata>. */
function nsOf(e: Elem, md: Elem): string | undefined {
  const colon = e.name.indexOf(':');
  const decl = colon >= 0 ? `xmlns:${e.name.slice(0, colon)}` : 'xmlns';
  return (e.attrs.find(([k]) => k === decl) ?? md.attrs.find(([k]) => k === decl))?.[1];
}

/** Drops prefixes and namespace declarations (virXMLExtractNamespaceXML's copy). */
function strip(e: Elem): Elem {
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  return {
    name: local(e.name),
    attrs: e.attrs.filter(([k]) => !isDecl(k)),
    children: e.children.map(strip),
    text: e.text,
  };
}

/** virXMLInjectNamespace: every element of the fragment moves into `key`'s namespace. */
function inject(e: Elem, key: string, uri: string, root: boolean): Elem {
  const local = e.name.slice(e.name.indexOf(':') + 1);
  const attrs = e.attrs.filter(([k]) => !isDecl(k));
  return {
    name: `${key}:${local}`,
    attrs: root ? [[`xmlns:${key}`, uri], ...attrs] : attrs,
    children: e.children.map((c) => inject(c, key, uri, false)),
    text: e.text,
  };
}

/** virXMLExtractNamespaceXML: the `<metadata>` child in namespace `uri`, without its prefix. */
export function getMetadataElement(def: DomainDef, uri: string | null): string | undefined {
  const md = def.metadata;
  const found = md?.children.find((c) => nsOf(c, md) === uri);
  return found ? formatMetadataElem(strip(found), 0).replace(/\n$/, '') : undefined;
}

/** An XML NCName (a namespace prefix). */
const NCNAME = /^[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*$/;

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
    added = inject(root, key, uri ?? '', true);
  }
  return (def) => {
    if (added) def.metadata ??= { name: 'metadata', attrs: [], children: [] };
    if (!def.metadata) return;
    const md = def.metadata;
    md.children = md.children.filter((c) => nsOf(c, md) !== uri);
    if (added) md.children.push(structuredClone(added));
  };
}
