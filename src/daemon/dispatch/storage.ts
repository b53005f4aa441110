import { P } from '../../core/rpc/procedures/index.js';
import { listed, serve } from './serve.js';

/** Storage pool and volume calls. */
export const storageServed = [
  serve(P.connectNumOfStoragePools, async (c) => ({ num: await c.connectNumOfStoragePools() })),
  serve(P.connectListStoragePools, async (c, a) => ({ names: (await c.connectListStoragePools()).slice(0, a.maxnames) })),
  serve(P.connectNumOfDefinedStoragePools, async (c) => ({ num: await c.connectNumOfDefinedStoragePools() })),
  serve(P.connectListDefinedStoragePools, async (c, a) => ({ names: (await c.connectListDefinedStoragePools()).slice(0, a.maxnames) })),
  serve(P.connectListAllStoragePools, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.connectListAllStoragePools(a.flags));
    return { pools: items, ret };
  }),
  serve(P.connectFindStoragePoolSources, async (c, a) => ({ xml: await c.connectFindStoragePoolSources(a.type, a.srcSpec, a.flags) })),
  serve(P.connectGetStoragePoolCapabilities, async (c, a) => ({ capabilities: await c.connectGetStoragePoolCapabilities(a.flags) })),
  serve(P.storagePoolLookupByName, async (c, a) => ({ pool: await c.storagePoolLookupByName(a.name) })),
  serve(P.storagePoolLookupByUUID, async (c, a) => ({ pool: await c.storagePoolLookupByUUIDString(a.uuid) })),
  serve(P.storagePoolLookupByVolume, async (c, a) => ({ pool: await c.storagePoolLookupByVolume(a.vol) })),
  serve(P.storagePoolCreateXML, async (c, a) => ({ pool: await c.storagePoolCreateXML(a.xml, a.flags) })),
  serve(P.storagePoolDefineXML, async (c, a) => ({ pool: await c.storagePoolDefineXML(a.xml, a.flags) })),
  serve(P.storagePoolBuild, (c, a) => c.storagePoolBuild(a.pool, a.flags)),
  serve(P.storagePoolUndefine, (c, a) => c.storagePoolUndefine(a.pool)),
  serve(P.storagePoolCreate, (c, a) => c.storagePoolCreate(a.pool, a.flags)),
  serve(P.storagePoolDestroy, (c, a) => c.storagePoolDestroy(a.pool)),
  serve(P.storagePoolDelete, (c, a) => c.storagePoolDelete(a.pool, a.flags)),
  serve(P.storagePoolRefresh, (c, a) => c.storagePoolRefresh(a.pool, a.flags)),
  serve(P.storagePoolGetInfo, (c, a) => c.storagePoolGetInfo(a.pool)),
  serve(P.storagePoolGetXMLDesc, async (c, a) => ({ xml: await c.storagePoolGetXMLDesc(a.pool, a.flags) })),
  serve(P.storagePoolGetAutostart, async (c, a) => ({ autostart: await c.storagePoolGetAutostart(a.pool) })),
  serve(P.storagePoolSetAutostart, (c, a) => c.storagePoolSetAutostart(a.pool, a.autostart)),
  serve(P.storagePoolNumOfVolumes, async (c, a) => ({ num: await c.storagePoolNumOfVolumes(a.pool) })),
  serve(P.storagePoolListVolumes, async (c, a) => ({ names: (await c.storagePoolListVolumes(a.pool)).slice(0, a.maxnames) })),
  serve(P.storagePoolListAllVolumes, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.storagePoolListAllVolumes(a.pool, a.flags));
    return { vols: items, ret };
  }),
  serve(P.storagePoolIsActive, async (c, a) => ({ active: await c.storagePoolIsActive(a.pool) })),
  serve(P.storagePoolIsPersistent, async (c, a) => ({ persistent: await c.storagePoolIsPersistent(a.pool) })),
  serve(P.storageVolLookupByName, async (c, a) => ({ vol: await c.storageVolLookupByName(a.pool, a.name) })),
  serve(P.storageVolLookupByKey, async (c, a) => ({ vol: await c.storageVolLookupByKey(a.key) })),
  serve(P.storageVolLookupByPath, async (c, a) => ({ vol: await c.storageVolLookupByPath(a.path) })),
  serve(P.storageVolCreateXML, async (c, a) => ({ vol: await c.storageVolCreateXML(a.pool, a.xml, a.flags) })),
  serve(P.storageVolCreateXMLFrom, async (c, a) => ({ vol: await c.storageVolCreateXMLFrom(a.pool, a.xml, a.clonevol, a.flags) })),
  serve(P.storageVolDelete, (c, a) => c.storageVolDelete(a.vol, a.flags)),
  serve(P.storageVolWipe, (c, a) => c.storageVolWipe(a.vol, a.flags)),
  serve(P.storageVolWipePattern, (c, a) => c.storageVolWipePattern(a.vol, a.algorithm, a.flags)),
  serve(P.storageVolGetInfo, (c, a) => c.storageVolGetInfo(a.vol)),
  serve(P.storageVolGetInfoFlags, (c, a) => c.storageVolGetInfoFlags(a.vol, a.flags)),
  serve(P.storageVolGetXMLDesc, async (c, a) => ({ xml: await c.storageVolGetXMLDesc(a.vol, a.flags) })),
  serve(P.storageVolGetPath, async (c, a) => ({ name: await c.storageVolGetPath(a.vol) })),
  serve(P.storageVolResize, (c, a) => c.storageVolResize(a.vol, a.capacity, a.flags)),
];
