import { qname, type NsDef, type XAttr, type XChild, type XDocument, type XElement, type XNodeAny } from './dom.js';

/**
 * libxml2's xmlNodeDump(…, level 0, format 1) as virXMLNodeToString uses it: elements whose
 * children include no text are indented two spaces a level; text content is written as is.
 */

/** xmlEscapeContent (the document is UTF-8, so only markup characters and CR). */
const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/**
 * Attribute values: markup, quotes and white-space controls; non-ASCII as hex references
 * because a document parsed from a string carries no declared encoding — except while
 * libxml2 dumps a whole document on its own, which lends it the output's UTF-8.
 */
const escapeAttr = (s: string, utf8: boolean) =>
  [...s]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0x80) return utf8 ? ch : `&#x${cp.toString(16).toUpperCase()};`;
      return ATTR_ESCAPES[ch] ?? ch;
    })
    .join('');

const ATTR_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

const MAX_INDENT_LEVEL = 30;
const indent = (level: number) => '  '.repeat(Math.min(level, MAX_INDENT_LEVEL));

const nsDecl = (d: NsDef, utf8: boolean) =>
  d.prefix ? ` xmlns:${d.prefix}="${escapeAttr(d.uri, utf8)}"` : ` xmlns="${escapeAttr(d.uri, utf8)}"`;
const attrText = (a: XAttr, utf8: boolean) => ` ${qname(a)}="${escapeAttr(a.value, utf8)}"`;

function cdata(value: string): string {
  if (value === '') return '<![CDATA[]]>';
  // A "]]>" inside is split across two sections, as libxml2 does.
  return value
    .split(/(?<=\]\])(?=>)/)
    .map((part) => `<![CDATA[${part}]]>`)
    .join('');
}

/** libxml2's save context: the current indentation level is shared state (a nested
 * document resets it to zero for the rest of the dump). */
interface Save {
  level: number;
  utf8: boolean;
}

function element(el: XElement, format: boolean, st: Save): string {
  const open = `<${qname(el)}${el.nsDefs.map((d) => nsDecl(d, st.utf8)).join('')}${el.attrs.map((a) => attrText(a, st.utf8)).join('')}`;
  if (el.children.length === 0) return `${open}/>`;
  const fmt = format && !el.children.some((c) => c.kind === 'text' || c.kind === 'cdata' || c.kind === 'entity-ref');
  let out = `${open}>${fmt ? '\n' : ''}`;
  st.level++;
  for (const c of el.children) {
    if (fmt && (c.kind === 'element' || c.kind === 'comment' || c.kind === 'pi')) out += indent(st.level);
    out += child(c, fmt, st);
    if (fmt) out += '\n';
  }
  if (st.level > 0) st.level--;
  return `${out}${fmt ? indent(st.level) : ''}</${qname(el)}>`;
}

function child(n: XChild | XDocument, format: boolean, st: Save): string {
  switch (n.kind) {
    case 'element':
      return element(n, format, st);
    case 'text':
      return escapeText(n.value);
    case 'cdata':
      return cdata(n.value);
    case 'entity-ref':
      return `&${n.value};`;
    case 'comment':
      return `<!--${n.value}-->`;
    case 'pi':
      return n.value ? `<?${n.target} ${n.value}?>` : `<?${n.target}?>`;
    case 'document':
      return documentText(n, st);
  }
}

/** A whole document: the XML declaration, then each top-level node on its own line. */
function documentText(doc: XDocument, st: Save): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  for (const c of doc.children) {
    st.level = 0;
    out += `${child(c, true, st)}\n`;
  }
  return out;
}

/** virXMLNodeToString of any node XPath can select. */
export function dumpNode(n: XNodeAny): string {
  return n.kind === 'attribute' ? attrText(n, false) : child(n, true, { level: 0, utf8: n.kind === 'document' });
}
