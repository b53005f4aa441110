import type { CommandContext } from '../types.js';
import { parseXmlDocument } from '../../core/xml/parse.js';
import { escapeXml } from '../../core/xml/writer.js';
import type { XNode } from '../../core/xml/tree.js';
import { virErr } from '../../core/errors.js';

type Item = { node: XNode } | { attr: string; value: string } | { text: string };

function descendants(n: XNode): XNode[] {
  return n.children.flatMap((c) => [c, ...descendants(c)]);
}

/**
 * The XPath subset dumpxml filters use: location paths of element names or '*', with '/' and
 * '//', ending optionally in '@attr' or 'text()'.
 */
function evaluate(root: XNode, expr: string): Item[] {
  const m = /^(\/\/?)?(.*)$/.exec(expr.trim())!;
  const steps = m[2].split(/(\/\/?)/);
  const doc: XNode = { name: '#document', attrs: {}, children: [root], text: '' };
  let ctx: XNode[] = [doc];
  let axis = m[1] ?? '/';
  for (let i = 0; i < steps.length; i += 2) {
    const step = steps[i];
    const pool = (n: XNode) => (axis === '//' ? descendants(n) : n.children);
    if (step.startsWith('@')) {
      const name = step.slice(1);
      const nodes = axis === '//' ? ctx.flatMap((n) => [n, ...descendants(n)]) : ctx;
      return nodes.filter((n) => name in n.attrs).map((n) => ({ attr: name, value: n.attrs[name] }));
    }
    if (step === 'text()') return ctx.filter((n) => n.text !== '').map((n) => ({ text: n.text }));
    if (!/^([A-Za-z_][\w.-]*|\*)$/.test(step)) throw virErr('XML_ERROR', 'Invalid expression');
    const next = ctx.flatMap(pool).filter((n) => step === '*' || n.name === step);
    ctx = [...new Set(next)];
    axis = steps[i + 1] ?? '/';
  }
  return ctx.map((node) => ({ node }));
}

/** xmlNodeDump of an element with libxml2's formatting: 2-space indent, double quotes. */
export function serializeNode(n: XNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(n.attrs).map(([k, v]) => ` ${k}="${escapeXml(v).replace(/&apos;/g, "'")}"`).join('');
  const text = n.text.trim() === '' ? '' : n.text;
  if (n.children.length === 0) return text === '' ? `<${n.name}${attrs}/>` : `<${n.name}${attrs}>${escapeXml(text)}</${n.name}>`;
  const inner = n.children.map((c) => `${pad}  ${serializeNode(c, depth + 1)}`).join('\n');
  return `<${n.name}${attrs}>\n${inner}\n${pad}</${n.name}>`;
}

function itemString(i: Item): string {
  if ('node' in i) return serializeNode(i.node);
  if ('attr' in i) return ` ${i.attr}="${i.value}"`;
  return i.text;
}

/** virshDumpXML: the whole document, or the nodes an --xpath selects (optionally wrapped). */
export function dumpXml(ctx: CommandContext, xml: string, url: string, xpath: string | undefined, wrap: boolean): boolean {
  if (xpath === undefined) {
    ctx.print(xml);
    return true;
  }
  const root = parseXmlDocument(xml, url);
  const items = evaluate(root, xpath);
  if (wrap) {
    const nodes = items.filter((i): i is { node: XNode } => 'node' in i).map((i) => i.node);
    const wrapper: XNode = { name: 'nodes', attrs: {}, children: nodes, text: '' };
    ctx.print(serializeNode(wrapper) + '\n');
    return true;
  }
  ctx.print(items.map((i) => itemString(i) + '\n').join(''));
  return true;
}
