import { virErr } from '../../../errors.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { parseSnapshotNode, SnapshotParse } from '../../../xml/snapshot/parse.js';
import { children, type XNode } from '../../../xml/tree.js';
import type { DomainObj } from '../domain/state.js';
import { assignMoment, updateRelations } from '../../../snapshot/moments.js';
import { nowSeconds } from './snapshot-create.js';
import { libvirtWarn } from '../../../libvirt-log.js';
import { momentsOf, type SnapshotsState } from './state.js';

const TEST_NS = 'http://libvirt.org/schemas/domain/test/1.0';

/** The prefix a node-file domain binds to the test driver's namespace, if any. */
function testPrefix(dom: XNode): string | undefined {
  return Object.entries(dom.attrs)
    .find(([k, v]) => k.startsWith('xmlns:') && v === TEST_NS)?.[0]
    .slice('xmlns:'.length);
}

/**
 * testParseDomainSnapshots: each <test:domainsnapshot> of a node-file domain is a snapshot
 * redefined with its internal <active> flag; at most one may be current, and the parent
 * names must form a tree.
 */
export function loadEmbeddedSnapshots(state: SnapshotsState, obj: DomainObj, dom: XNode): void {
  const prefix = testPrefix(dom);
  if (!prefix) return;
  const list = momentsOf<SnapshotDef>(state, obj);
  for (const node of children(dom, `${prefix}:domainsnapshot`)) {
    const { def, current } = parseSnapshotNode(node, SnapshotParse.INTERNAL | SnapshotParse.REDEFINE, nowSeconds, { warn: libvirtWarn });
    const snap = assignMoment(list, def);
    if (!current) continue;
    if (list.current) throw virErr('INTERNAL_ERROR', 'more than one snapshot claims to be active', 'TEST');
    list.current = snap;
  }
  if (!updateRelations(list, libvirtWarn)) {
    throw virErr('INTERNAL_ERROR', `Snapshots have inconsistent relations for domain ${obj.def.name}`, 'TEST');
  }
}
