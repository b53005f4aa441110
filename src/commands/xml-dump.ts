import { virErr } from '../core/errors.js';
import { writeStderr } from '../core/stdio.js';
import { parseXmlDocument } from '../core/xml/parse.js';
import type { XNodeAny } from '../core/xml/xpath/index.js';
import type { CommandContext, CommandOptions } from './types.js';

/**
 * virshDumpXML: prints `xml` as it is, or with an XPath the nodes it selects, each
 * serialized on its own line, or all copied under one <nodes> element (wrap).
 * A malformed expression is libxml2's complaint on stderr and an empty result; a valid one
 * whose value is not a node-set is virsh's "Incorrect xpath" failure.
 */
export async function virshDumpXML(ctx: CommandContext, xml: string, url: string, xpath: string | undefined, wrap: boolean): Promise<boolean> {
  if (xpath === undefined) {
    ctx.print(xml);
    return true;
  }
  parseXmlDocument(xml, url);
  // Loaded here: every dumpxml-style command's folder imports this file, few runs use --xpath.
  const { dumpNode, evaluateXPath, formatXPathError, parseDom, wrapNodes, XPathError } = await import('../core/xml/xpath/index.js');
  const doc = parseDom(xml);
  let selected: XNodeAny[] = [];
  try {
    const value = evaluateXPath(doc, xpath);
    if (value.t !== 'nodes') throw virErr('INTERNAL_ERROR', `Incorrect xpath '${xpath}'`);
    selected = value.v;
  } catch (e) {
    if (!(e instanceof XPathError)) throw e;
    writeStderr(formatXPathError(e, xpath));
  }
  if (wrap) ctx.print(`${dumpNode(wrapNodes(selected))}\n`);
  else ctx.print(selected.map((n) => `${dumpNode(n)}\n`).join(''));
  return true;
}

/** The usual `--xpath EXPR [--wrap]` pair of a dumpxml-style command. */
export function dumpXmlOption(ctx: CommandContext, opts: CommandOptions, xml: string, url: string): Promise<boolean> {
  return virshDumpXML(ctx, xml, url, opts.string('xpath'), opts.bool('wrap'));
}

/**
 * vshCommandOptStringQuiet for `--xpath`: the expression, undefined when absent, or null
 * when given empty — the command then fails without a message, as virsh's do.
 */
export function xpathOption(opts: CommandOptions): string | undefined | null {
  const xpath = opts.stringQuiet('xpath');
  return xpath === undefined && opts.has('xpath') ? null : xpath;
}
