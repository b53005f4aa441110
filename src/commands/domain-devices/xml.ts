import type { DomainHandle } from '../../core/api/handles.js';
import { parseTree, type XNode } from '../../core/xml/tree.js';
import type { CommandContext, CommandOptions } from '../types.js';
import { optDomain } from './util.js';

/** virshDomainGetXML: looks the domain up and parses its XML with the given flags. */
export async function domainXml(
  ctx: CommandContext,
  opts: CommandOptions,
  flags: number,
): Promise<{ dom: DomainHandle; xml: string; root: XNode } | undefined> {
  const dom = await optDomain(ctx, opts);
  if (!dom) return undefined;
  const xml = await (await ctx.conn()).domainGetXMLDesc(dom, flags);
  return { dom, xml, root: parseTree(xml) };
}

/** The value of the first present attribute, XPath `string(a|b|…)` style (document order
 * within one element is attribute order, which libvirt's formatter fixes). */
export function firstAttr(node: XNode | undefined, names: string[]): string | undefined {
  if (!node) return undefined;
  for (const [k, v] of Object.entries(node.attrs)) if (names.includes(k)) return v;
  return undefined;
}
