import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Connection } from '../../api/connection.js';
import { parseXmlDocument } from '../../xml/parse.js';
import { decodeRawBytes } from '../../xml/raw-bytes.js';
import type { XNode } from '../../xml/tree.js';
import { defaultNodeTree } from './default-node-tree.js';
import { buildNode, type TestNode } from './node.js';
import { hostOps } from './host.js';
import { builtInDomains, domainOps } from './domain.js';
import { eventOps } from './events/index.js';
import { familyOf, familyOps, lazyCall, lazyFamilies } from './families.js';

/** The ops of each lazily loaded family, per node. */
const familiesOf = new WeakMap<TestNode, ReturnType<typeof familyOps>>();
const opsOf = (node: TestNode) => {
  let f = familiesOf.get(node);
  if (!f) familiesOf.set(node, (f = familyOps(node)));
  return f;
};

/**
 * Builds the node for `test:///default` or `test:///ABS/PATH.xml` (uriPath is the path part).
 * The built-in node is known good, so its other groups wait for their first call; a node
 * file is read whole now, as libvirt does, so that any error in it fails the open.
 */
export async function loadTestNode(uri: string, uriPath: string): Promise<TestNode> {
  if (uriPath === '/default') {
    return buildNode(uri, defaultNodeTree(), { baseDir: '/', isDefault: true }, builtInDomains());
  }
  // testOpenFromFile: libxml2's errors name the file; the root must be <node>.
  // libxml2 reads the bytes as they are and reports those that are not UTF-8.
  const bytes = readFileSync(uriPath);
  const root = parseXmlDocument(isUtf8(bytes) ? bytes.toString('utf8') : decodeRawBytes(bytes), uriPath, 'node', 'XML');
  const [{ parseDomainNode }, { loadEmbeddedSnapshots }] = await Promise.all([import('../../xml/domain/index.js'), import('./snapshot/load.js')]);
  const read = (el: XNode) => parseDomainNode(el, { driverType: 'test' });
  const node = buildNode(uri, root, { baseDir: dirname(uriPath), isDefault: false }, read, loadEmbeddedSnapshots);
  for (const f of lazyFamilies) await opsOf(node)(f);
  return node;
}

/** The calls of the groups every command needs, loaded with the driver. */
export function eagerOps(node: TestNode): Record<string, unknown> {
  return { ...hostOps(node), ...domainOps(node), ...eventOps(node) };
}

/**
 * A Connection over one node: the host's, the domains' and the events' calls at hand, the
 * other groups' calls made on first use (the public API layer asks for each call it uses).
 */
export function connectionForNode(node: TestNode): Connection {
  return new Proxy(eagerOps(node), {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name as string];
      const f = familyOf(name);
      return f && (target[name] = lazyCall(opsOf(node), f, name as keyof Connection));
    },
  }) as unknown as Connection;
}
