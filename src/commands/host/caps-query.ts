import type { Connection } from '../../core/api/connection.js';
import { children, parseTree, path, type XNode } from '../../core/xml/tree.js';

/** The capabilities document's parts that freecell, freepages and allocpages read. */
export async function capabilitiesTree(conn: Connection): Promise<XNode> {
  return parseTree(await conn.getCapabilities());
}

/** `/capabilities/host/topology/cells/cell` */
export function numaCells(caps: XNode): XNode[] {
  return children(path(caps, 'host', 'topology', 'cells'), 'cell');
}

/** `/capabilities/host/cpu/pages`, else every cell's `pages` (some drivers only list those). */
export function pageSizeNodes(caps: XNode): XNode[] {
  const hostPages = children(path(caps, 'host', 'cpu'), 'pages');
  if (hostPages.length) return hostPages;
  return numaCells(caps).flatMap((cell) => children(cell, 'pages'));
}

/** virStrToLong_ul-style parse of an attribute; undefined when it is not a whole number. */
export function wholeAttr(node: XNode, name: string): number | undefined {
  const v = node.attrs[name];
  return v !== undefined && /^\s*\+?\d+$/.test(v) ? Number(v) : undefined;
}
