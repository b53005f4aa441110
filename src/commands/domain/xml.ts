import { virErr } from '../../core/errors.js';
import { parseTree, type XNode } from '../../core/xml/tree.js';
import type { CommandContext, CommandOptions } from '../types.js';

/** libxml2's attribute/text escaping in a node dump. */
const esc = (s: string, attr: boolean) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, attr ? '&quot;' : '"');

/** virXMLNodeToString: libxml2's formatted dump (two-space indent, double quotes). */
export function nodeToString(n: XNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}="${esc(v, true)}"`)
    .join('');
  const text = n.text.trim() === '' ? '' : n.text;
  if (n.children.length === 0) {
    return text === '' ? `${pad}<${n.name}${attrs}/>` : `${pad}<${n.name}${attrs}>${esc(text, false)}</${n.name}>`;
  }
  const inner = n.children.map((c) => nodeToString(c, depth + 1)).join('\n');
  return `${pad}<${n.name}${attrs}>\n${inner}\n${pad}</${n.name}>`;
}

type Hit = { node: XNode } | { attr: string; value: string };

/** A small XPath subset: location paths of names or `*`, `/` and `//` axes, a final `@attr`. */
function select(root: XNode, xpath: string): Hit[] | undefined {
  const m = /^(\.?\/\/?|\.\/)?(.*)$/.exec(xpath.trim());
  if (!m) return undefined;
  const lead = m[1] ?? '';
  const steps = m[2].split(/(\/\/?)/);
  const doc: XNode = { name: '#document', attrs: {}, children: [root], text: '' };
  let ctx: XNode[] = lead.startsWith('.') ? [root] : [doc];
  let descend = lead.endsWith('//');
  const all = (n: XNode): XNode[] => [n, ...n.children.flatMap(all)];
  for (let i = 0; i < steps.length; i += 2) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if (step.startsWith('@') && last) {
      const name = step.slice(1);
      const hits: Hit[] = [];
      for (const n of descend ? ctx.flatMap(all) : ctx)
        for (const [k, v] of Object.entries(n.attrs)) if (name === '*' || k === name) hits.push({ attr: k, value: v });
      return hits;
    }
    if (!/^[\w.:-]+$|^\*$/.test(step)) return undefined;
    const next: XNode[] = [];
    for (const n of ctx) {
      const pool = descend ? n.children.flatMap(all) : n.children;
      for (const c of pool) if ((step === '*' || c.name === step) && !next.includes(c)) next.push(c);
    }
    ctx = next;
    descend = steps[i + 1] === '//';
  }
  return ctx.map((node) => ({ node }));
}

/** virshDumpXML: the document, or with --xpath the selected nodes (optionally in <nodes>). */
export function dumpXML(ctx: CommandContext, xml: string, opts: CommandOptions): boolean {
  const xpath = opts.string('xpath');
  if (xpath === undefined) {
    ctx.print(xml);
    return true;
  }
  const hits = select(parseTree(xml), xpath);
  if (!hits) throw virErr('INTERNAL_ERROR', `Incorrect xpath '${xpath}'`);
  const text = (h: Hit, depth: number) =>
    'node' in h ? nodeToString(h.node, depth) : `${'  '.repeat(depth)} ${h.attr}="${esc(h.value, true)}"`;
  if (opts.bool('wrap')) {
    ctx.print(hits.length ? `<nodes>\n${hits.map((h) => text(h, 1)).join('\n')}\n</nodes>\n` : '<nodes/>\n');
  } else for (const h of hits) ctx.print(`${text(h, 0)}\n`);
  return true;
}
