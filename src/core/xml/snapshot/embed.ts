import { formatDomainXML, parseDomainXML, type DomainDef } from '../domain/index.js';
import { child, children, parseTree, type XNode } from '../tree.js';
import { escapeXml } from '../writer.js';

/** VIR_DOMAIN_XML_SECURE / VIR_DOMAIN_XML_INACTIVE */
const XML_SECURE = 1;
const XML_INACTIVE = 2;

/** Writes a parsed element back as XML text, so an embedded `<domain>` can go through the
 * domain model's own parser (and its error messages). */
export function serializeNode(node: XNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (!node.children.length && !node.text) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${escapeXml(node.text)}${node.children.map(serializeNode).join('')}</${node.name}>`;
}

/** Parses an embedded `<domain>` (or `<inactiveDomain>`) element as a domain definition. */
export function parseEmbeddedDomain(node: XNode): DomainDef {
  return parseDomainXML(serializeNode({ ...node, name: 'domain' }), { driverType: 'test' });
}

/** The inactive domain XML a moment embeds, indented one level, under `rootName`. */
export function formatEmbeddedDomain(def: DomainDef, secure: boolean, rootName = 'domain'): string {
  let xml = formatDomainXML(def, { flags: XML_INACTIVE | (secure ? XML_SECURE : 0) });
  if (rootName !== 'domain') {
    xml = xml.replace(/^<domain\b/, `<${rootName}`).replace(/<\/domain>\n?$/, `</${rootName}>\n`);
  }
  return xml
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

/** What moments need to know about a domain's disks (virDomainDiskDef's relevant fields). */
export interface DomainDiskInfo {
  dst: string;
  /** Storage type: 'file', 'block', 'network', 'volume', 'dir'. */
  type: string;
  source?: string;
  /** The disk's own `snapshot=` default, when given. */
  snapshot?: string;
  readonly: boolean;
  /** virStorageSourceIsEmpty: a local disk with no source (e.g. an empty cdrom). */
  empty: boolean;
}

/** The domain's disks in definition order, read from its canonical XML. */
export function domainDisks(def: DomainDef): DomainDiskInfo[] {
  const root = parseTree(formatDomainXML(def, { flags: XML_INACTIVE | XML_SECURE }));
  return children(child(root, 'devices'), 'disk').map((d) => {
    const src = child(d, 'source');
    const type = d.attrs.type ?? 'file';
    const source = src?.attrs.file ?? src?.attrs.dev ?? src?.attrs.dir ?? src?.attrs.name;
    const local = type === 'file' || type === 'block' || type === 'dir';
    return {
      dst: child(d, 'target')?.attrs.dev ?? '',
      type,
      source,
      // virDomainDiskDefPostParse: read-only and vhost-user disks default to no snapshot
      // (a read-only disk's snapshot='no' is not written back, so it is implied here).
      snapshot: d.attrs.snapshot ?? (child(d, 'readonly') || type === 'vhostuser' ? 'no' : undefined),
      readonly: !!child(d, 'readonly'),
      empty: local ? !source : type === 'none',
    };
  });
}

/** virDomainDiskByName: by target name, or by source path when that is unambiguous. */
export function diskByName(disks: DomainDiskInfo[], name: string): DomainDiskInfo | undefined {
  const byDst = disks.find((d) => d.dst === name);
  if (byDst) return byDst;
  const bySource = disks.filter((d) => d.source === name);
  return bySource.length === 1 ? bySource[0] : undefined;
}

/** XPath string() of an element: all its character data, in document order. */
export function stringValue(node: XNode | undefined): string {
  if (!node) return '';
  return node.text + node.children.map(stringValue).join('');
}

/** virXPathString on `string(./a/b…)`: undefined when absent or empty. */
export function pathString(node: XNode | undefined, ...names: string[]): string | undefined {
  let cur = node;
  for (const n of names) cur = child(cur, n);
  const s = stringValue(cur);
  return s === '' ? undefined : s;
}
