import { describe, expect, it } from 'vitest';
import { familyOps, lazyFamilies } from '../../src/core/drivers/test/families.js';
import { connectionForNode, eagerOps, loadTestNode } from '../../src/core/drivers/test/index.js';

// The test driver's groups loaded on first call reach their calls through lists of names
// (families.ts): each group's calls must be on its own list, on no other list, and not also
// among the calls loaded with the driver. (test/unit/public-api.test.ts checks that all of
// them together are the public API's calls.)
describe('test driver families', () => {
  it('route every call to the one group that implements it', async () => {
    const node = await loadTestNode('test:///default', '/default');
    const eager = new Set(Object.keys(eagerOps(node)));
    const opsOf = familyOps(node);
    const listed = lazyFamilies.flatMap((f) => f.calls);
    expect(listed.filter((k, i) => listed.indexOf(k) !== i)).toEqual([]);
    for (const [i, f] of lazyFamilies.entries()) {
      const implemented = Object.keys(await opsOf(f)).sort();
      expect(implemented, `family ${i}`).toEqual([...f.calls].sort());
      expect(implemented.filter((k) => eager.has(k)), `family ${i}`).toEqual([]);
    }
  });

  it('leave the built-in node unread until a call needs a group', async () => {
    const node = await loadTestNode('test:///default', '/default');
    const conn = connectionForNode(node);
    expect(node.slices).toEqual({});
    await conn.listAllNetworks(0);
    expect(Object.keys(node.slices)).toEqual(['networks']);
  });
});
