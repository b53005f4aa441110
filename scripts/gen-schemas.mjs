// Generates src/core/xml/relaxng/schemas-data.ts from libvirt's installed RelaxNG schemas
// (/usr/share/libvirt/schemas/*.rng, or the directory given as the first argument; a second
// argument names another output file).
//
// Each schema file is reduced the way libxml2's xmlRelaxNGCleanupTree reduces it before
// parsing: annotations (foreign elements, comments) and blank text go, the name attribute of
// element/attribute becomes a <name> child, name/nsName/value get their inherited ns, and
// data/value carry the datatype library they inherit. <include> stays as a reference to
// another file: the validator splices it at load time, as libxml2 does.
//
// Output nodes are compact arrays: [name, attrs | 0, ...children], text children as strings.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const dir = process.argv[2] ?? '/usr/share/libvirt/schemas';
const outFile = process.argv[3] ?? new URL('../src/core/xml/relaxng/schemas-data.ts', import.meta.url).pathname;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  commentPropName: '#comment',
});

/** Raw parse into { name, attrs, children, parent } with text nodes as { text }. */
function toTree(items, parent) {
  const out = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#comment' || name.startsWith('?')) continue;
    if (name === '#text') {
      out.push({ text: String(item['#text']), parent });
      continue;
    }
    const node = { name, attrs: { ...(item[':@'] ?? {}) }, parent, children: [] };
    node.children = toTree(item[name] ?? [], node);
    out.push(node);
  }
  return out;
}

function nsOfPrefix(node, prefix) {
  const key = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let n = node; n; n = n.parent) if (n.attrs && key in n.attrs) return n.attrs[key];
  return undefined;
}

function local(name) {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
}

function isRng(node) {
  const c = node.name.indexOf(':');
  return nsOfPrefix(node, c < 0 ? undefined : node.name.slice(0, c)) === RNG_NS;
}

/** The nearest `attr` on node or its ancestors (libxml2 looks from the parent for ns). */
function inherited(node, attr) {
  for (let n = node; n; n = n.parent) if (n.attrs && attr in n.attrs) return n.attrs[attr];
  return undefined;
}

const isBlank = (s) => /^[ \t\n\r]*$/.test(s);

function cleanup(node) {
  const tag = local(node.name);
  const attrs = {};
  for (const [k, v] of Object.entries(node.attrs)) if (!k.startsWith('xmlns') && !k.includes(':')) attrs[k] = v;
  const kids = [];
  if ((tag === 'element' || tag === 'attribute') && attrs.name !== undefined) {
    const nameAttrs = {};
    if (attrs.ns !== undefined) nameAttrs.ns = attrs.ns;
    else if (tag === 'attribute') nameAttrs.ns = '';
    else nameAttrs.ns = inherited(node.parent, 'ns') ?? '';
    kids.push(qualify(node, ['name', nameAttrs, attrs.name.trim()]));
    delete attrs.name;
  }
  if ((tag === 'name' || tag === 'nsName' || tag === 'value') && attrs.ns === undefined) {
    attrs.ns = inherited(node.parent, 'ns') ?? '';
  }
  if (tag === 'data' || (tag === 'value' && attrs.type !== undefined)) {
    const lib = inherited(node, 'datatypeLibrary');
    if (lib) attrs.datatypeLibrary = lib;
    else delete attrs.datatypeLibrary;
  }
  for (const c of node.children) {
    if ('text' in c) {
      if (!isBlank(c.text) || tag === 'value' || tag === 'param') kids.push(c.text);
    } else if (isRng(c)) {
      kids.push(cleanup(c));
    }
  }
  const out = [tag, Object.keys(attrs).length ? attrs : 0, ...kids];
  return tag === 'name' ? qualify(node, out) : out;
}

/** Simplification 4.10: a QName in <name> becomes its local part plus the prefix's namespace. */
function qualify(context, nameNode) {
  const text = nameNode.slice(2).join('');
  const c = text.indexOf(':');
  if (c < 0) return nameNode;
  const uri = nsOfPrefix(context, text.slice(0, c));
  if (uri === undefined) return nameNode;
  return ['name', { ...(nameNode[1] || {}), ns: uri }, text.slice(c + 1)];
}

const files = readdirSync(dir).filter((f) => f.endsWith('.rng')).sort();
const schemas = {};
for (const f of files) {
  const tree = toTree(parser.parse(readFileSync(join(dir, f), 'utf8')), undefined);
  const root = tree.find((n) => n.name && isRng(n));
  schemas[f] = cleanup(root);
}

const body = `// Generated data; do not edit by hand.
// Made by scripts/gen-schemas.mjs from libvirt's RelaxNG schemas (${files.length} files).
import type { RngNode } from './tree.js';

export const SCHEMA_FILES: Record<string, RngNode> = ${JSON.stringify(schemas)};
`;
const tmp = `${outFile}.tmp-${process.pid}`;
writeFileSync(tmp, body);
renameSync(tmp, outFile);
console.log(`wrote ${outFile} (${files.length} schemas, ${body.length} bytes)`);
