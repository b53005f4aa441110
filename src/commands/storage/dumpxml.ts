import type { CommandContext } from '../types.js';
import { parseXmlDocument } from '../../core/xml/parse.js';
import type { XNode } from '../../core/xml/tree.js';
import { virErr } from '../../core/errors.js';
import { evaluateXPath, toDocument, XPathNotNodeSet, XPathSyntaxError, type DNode } from './xpath.js';

/** libxml2's escaping: text escapes <, >, &; attribute values also '"' and control characters. */
const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escAttr = (s: string) =>
  escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/**
 * xmlNodeDump with formatting: elements whose children are all elements are indented two
 * spaces a level; an element holding text is written as it is.
 */
function dumpNode(n: DNode, depth = 0): string {
  if (n.kind === 'text') return escText(n.value);
  if (n.kind === 'attr') return ` ${n.name}="${escAttr(n.value)}"`;
  if (n.kind === 'doc') return `<?xml version="1.0" encoding="UTF-8"?>\n${n.children.map((c) => dumpNode(c)).join('\n')}\n`;
  const attrs = n.attrs.map((a) => dumpNode(a)).join('');
  if (n.children.length === 0) return `<${n.name}${attrs}/>`;
  if (n.children.some((c) => c.kind === 'text')) {
    return `<${n.name}${attrs}>${n.children.map((c) => dumpNode(c, depth)).join('')}</${n.name}>`;
  }
  const pad = '  '.repeat(depth);
  // A whole document nested in <nodes> (--xpath / --wrap) is written flush left.
  const inner = n.children.map((c) => (c.kind === 'doc' ? dumpNode(c) : `${pad}  ${dumpNode(c, depth + 1)}`)).join('\n');
  return `<${n.name}${attrs}>\n${inner}\n${pad}</${n.name}>`;
}

/** A parsed document re-serialized as libxml2 would (virXMLNodeToString of its root). */
export function serializeNode(root: XNode): string {
  return dumpNode(toDocument(root).children[0]);
}

/** Copies of the selected nodes under a new <nodes> root: attributes land on it, text merges. */
function wrapNodes(nodes: DNode[]): DNode {
  const wrapper: DNode = { kind: 'element', name: 'nodes', value: '', attrs: [], children: [], order: 0 };
  for (const n of nodes) {
    if (n.kind === 'attr') {
      wrapper.attrs = wrapper.attrs.filter((a) => a.name !== n.name);
      wrapper.attrs.push(n);
      continue;
    }
    const last = wrapper.children[wrapper.children.length - 1];
    if (n.kind === 'text' && last?.kind === 'text') last.value += n.value;
    else wrapper.children.push(n.kind === 'text' ? { ...n } : n);
  }
  return wrapper;
}

/** virshDumpXML: the whole document, or the nodes an --xpath selects (optionally wrapped). */
export function dumpXml(ctx: CommandContext, xml: string, url: string, xpath: string | undefined, wrap: boolean): boolean {
  if (xpath === undefined) {
    ctx.print(xml);
    return true;
  }
  const doc = toDocument(parseXmlDocument(xml, url));
  let nodes: DNode[];
  try {
    nodes = evaluateXPath(doc, xpath);
  } catch (e) {
    if (e instanceof XPathNotNodeSet) throw virErr('INTERNAL_ERROR', `Incorrect xpath '${xpath}'`);
    if (!(e instanceof XPathSyntaxError)) throw e;
    // libxml2 reports on stderr itself and the evaluation yields nothing.
    process.stderr.write('XPath error : Invalid expression\n');
    nodes = [];
  }
  if (wrap) ctx.print(dumpNode(wrapNodes(nodes)) + '\n');
  else ctx.print(nodes.map((n) => dumpNode(n) + '\n').join(''));
  return true;
}
