import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTestNode, connectionForNode } from '../../src/core/drivers/test/index.js';
import { ListPools, PoolEventId, PoolLifecycle, type PoolEvent } from '../../src/core/api/storage.js';

/** A node file with a pool whose volumes are inline and in a file= reference. */
function nodeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storage-node-'));
  writeFileSync(
    join(dir, 'vol.xml'),
    "<volume><name>ext.img</name><capacity unit='M'>2</capacity><allocation>0</allocation></volume>",
  );
  writeFileSync(
    join(dir, 'node.xml'),
    `<node>
  <pool type='dir'>
    <name>p</name>
    <uuid>aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee</uuid>
    <target><path>/p</path></target>
    <volume><name>a.img</name><capacity unit='G'>1</capacity></volume>
    <volume file='vol.xml'/>
  </pool>
</node>`,
  );
  return join(dir, 'node.xml');
}

describe('test driver storage', () => {
  it('loads pools with nested and referenced volumes, accounting their allocation', async () => {
    const path = nodeFile();
    const conn = connectionForNode(await loadTestNode(`test://${path}`, path));
    const pool = await conn.storagePoolLookupByName('p');
    expect(await conn.storagePoolListVolumes(pool)).toEqual(['a.img', 'ext.img']);
    const info = await conn.storagePoolGetInfo(pool);
    expect(info.allocation).toBe(1024n ** 3n);
    expect(info.available).toBe(100n * 1024n ** 3n - 1024n ** 3n);
    const vol = await conn.storageVolLookupByPath('/p/ext.img');
    expect(vol).toEqual({ pool: 'p', name: 'ext.img', key: '/p/ext.img' });
  });

  it('books volume space against the pool and refuses what does not fit', async () => {
    const conn = connectionForNode(await loadTestNode('test:///default', '/default'));
    const pool = await conn.storagePoolLookupByName('default-pool');
    await conn.storageVolCreateXML(pool, '<volume><name>v</name><capacity unit="G">60</capacity></volume>', 0);
    await expect(
      conn.storageVolCreateXML(pool, '<volume><name>w</name><capacity unit="G">50</capacity></volume>', 0),
    ).rejects.toThrow("internal error: Not enough free space in pool for volume 'w'");
    const vol = await conn.storageVolLookupByName(pool, 'v');
    await conn.storageVolDelete(vol, 0);
    expect((await conn.storagePoolGetInfo(pool)).allocation).toBe(0n);
  });

  it('removes a transient pool when it stops and reports lifecycle events', async () => {
    const conn = connectionForNode(await loadTestNode('test:///default', '/default'));
    const events: PoolEvent[] = [];
    await conn.connectStoragePoolEventRegisterAny(undefined, PoolEventId.LIFECYCLE, (e) => events.push(e));
    const pool = await conn.storagePoolCreateXML("<pool type='dir'><name>t</name><target><path>/t</path></target></pool>", 0);
    expect(await conn.storagePoolIsPersistent(pool)).toBe(false);
    await conn.storagePoolDestroy(pool);
    const names = (await conn.connectListAllStoragePools(ListPools.ACTIVE | ListPools.INACTIVE)).map((p) => p.name);
    expect(names).toEqual(['default-pool']);
    expect(events.map((e) => e.event)).toEqual([PoolLifecycle.STARTED, PoolLifecycle.STOPPED]);
  });

  it('refuses unknown flags with the driver function name', async () => {
    const conn = connectionForNode(await loadTestNode('test:///default', '/default'));
    const pool = await conn.storagePoolLookupByName('default-pool');
    await expect(conn.storagePoolGetXMLDesc(pool, 1)).rejects.toThrow(
      'unsupported flags (0x1) in function testStoragePoolGetXMLDesc',
    );
  });
});
