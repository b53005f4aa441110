/**
 * Writes back an element kept as parsed. `libxml` mode mimics xmlNodeDump (double quotes,
 * as libvirt prints <metadata>); otherwise libvirt's own single-quoted layout.
 */
import { escapeXml, XmlWriter } from '../writer.js';
import type { XNode } from '../tree.js';

function escapeLibxmlAttr(s: string): string {
  return s.replace(/[<>&"\r\n\t]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '\r' ? '&#13;' : c === '\n' ? '&#10;' : '&#9;',
  );
}

function escapeLibxmlText(s: string): string {
  return s.replace(/[<>&\r]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&#13;'));
}

function rawLines(node: XNode, libxml: boolean, indent: string, out: string[]): void {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => (libxml ? ` ${k}="${escapeLibxmlAttr(v)}"` : ` ${k}='${escapeXml(v)}'`))
    .join('');
  const text = node.text.trim() === '' ? '' : node.text;
  const esc = libxml ? escapeLibxmlText : escapeXml;
  if (node.children.length === 0) {
    out.push(text ? `${indent}<${node.name}${attrs}>${esc(text)}</${node.name}>` : `${indent}<${node.name}${attrs}/>`);
    return;
  }
  out.push(`${indent}<${node.name}${attrs}>`);
  for (const c of node.children) rawLines(c, libxml, indent + '  ', out);
  out.push(`${indent}</${node.name}>`);
}

export function writeRaw(w: XmlWriter, node: XNode | undefined, libxml = false): void {
  if (!node) return;
  const out: string[] = [];
  rawLines(node, libxml, '', out);
  w.raw(out.join('\n'));
}
