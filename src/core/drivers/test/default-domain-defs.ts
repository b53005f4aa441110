import { parseDomainNode } from '../../xml/domain/index.js';
import type { DomainDef } from '../../xml/domain/types.js';
import { children } from '../../xml/tree.js';
import { defaultNodeTree } from './default-node-tree.js';

/**
 * The built-in test:///default node's domains, parsed, in node order. The bundle build
 * (scripts/build.mjs) replaces this module with the definitions it returns, so a one-shot
 * command on test:///default does not run the domain parser at start.
 */
export function defaultDomainDefs(): DomainDef[] {
  return children(defaultNodeTree(), 'domain').map((n) => parseDomainNode(n, { driverType: 'test' }));
}
