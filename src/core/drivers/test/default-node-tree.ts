import { parseTree, type XNode } from '../../xml/tree.js';
import { DEFAULT_NODE_XML } from './default-node.js';

/**
 * The built-in test:///default node, parsed. The bundle build (scripts/build.mjs) replaces
 * this module with the tree it returns, so a one-shot command on test:///default neither
 * loads nor runs the XML parser for it.
 */
export function defaultNodeTree(): XNode {
  return parseTree(DEFAULT_NODE_XML);
}
