import { XMLParser } from 'fast-xml-parser';
import { parserInput } from './tree-input.js';

/** A parsed XML element: the shape every typed model reads from. */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Concatenated character data directly inside this element (not trimmed). */
  text: string;
}

/** Made on first use: constructing it loads the parser's dependencies, which test:///default's prebuilt tree never needs. */
let parser: XMLParser | undefined;
const parserOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
};

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(raw: Raw): XNode | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '#comment' || name.startsWith('?')) return undefined;
  const node: XNode = { name, attrs: { ...(raw[':@'] ?? {}) }, children: [], text: '' };
  for (const item of (raw[name] as Raw[]) ?? []) {
    if ('#text' in item) node.text += String(item['#text']);
    else if ('#cdata' in item) node.text += ((item['#cdata'] as Raw[]) ?? []).map((t) => String(t['#text'] ?? '')).join('');
    else {
      const child = convert(item);
      if (child) node.children.push(child);
    }
  }
  return node;
}

/** Parses a well-formed document and returns its root element. Well-formedness errors are
 * reported by `checkWellFormed` (libxml2's wording); call that first. */
export function parseTree(xml: string): XNode {
  parser ??= new XMLParser(parserOptions);
  const items = parser.parse(parserInput(xml)) as Raw[];
  for (const item of items) {
    const node = convert(item);
    if (node) return node;
  }
  throw new Error('no root element');
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Text of a child element, or undefined when the child is absent. */
export function childText(node: XNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  return c ? c.text : undefined;
}

/** Follows a path of element names: path(dom, 'os', 'type'). */
export function path(node: XNode | undefined, ...names: string[]): XNode | undefined {
  let cur = node;
  for (const n of names) cur = child(cur, n);
  return cur;
}
