import type { PoolHandle, VolumeHandle } from '../../../api/handles.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

/** The legacy name-list calls take a maximum; libvirt's own list maximum is the cap. */
const MAX_NAMES = 16384;

/** virStoragePool* / virStorageVol* over RPC (streams for upload/download come later). */
export function storageOps(s: Session): Ops {
  const pool = async (p: Promise<{ pool: PoolHandle }>) => (await p).pool;
  const vol = async (p: Promise<{ vol: VolumeHandle }>) => (await p).vol;
  return {
    connectNumOfStoragePools: async () => (await s.call(P.connectNumOfStoragePools, undefined)).num,
    connectListStoragePools: async () => (await s.call(P.connectListStoragePools, { maxnames: MAX_NAMES })).names,
    connectNumOfDefinedStoragePools: async () => (await s.call(P.connectNumOfDefinedStoragePools, undefined)).num,
    connectListDefinedStoragePools: async () => (await s.call(P.connectListDefinedStoragePools, { maxnames: MAX_NAMES })).names,
    connectListAllStoragePools: async (flags) => (await s.call(P.connectListAllStoragePools, { need_results: 1, flags })).pools,
    connectFindStoragePoolSources: async (type, srcSpec, flags) => (await s.call(P.connectFindStoragePoolSources, { type, srcSpec, flags })).xml,
    connectGetStoragePoolCapabilities: async (flags) => (await s.call(P.connectGetStoragePoolCapabilities, { flags })).capabilities,
    storagePoolLookupByName: (name) => pool(s.call(P.storagePoolLookupByName, { name })),
    storagePoolLookupByUUIDString: (uuid) => pool(s.call(P.storagePoolLookupByUUID, { uuid })),
    storagePoolLookupByVolume: (v) => pool(s.call(P.storagePoolLookupByVolume, { vol: v })),
    storagePoolCreateXML: (xml, flags) => pool(s.call(P.storagePoolCreateXML, { xml, flags })),
    storagePoolDefineXML: (xml, flags) => pool(s.call(P.storagePoolDefineXML, { xml, flags })),
    storagePoolBuild: (p, flags) => s.call(P.storagePoolBuild, { pool: p, flags }),
    storagePoolUndefine: (p) => s.call(P.storagePoolUndefine, { pool: p }),
    storagePoolCreate: (p, flags) => s.call(P.storagePoolCreate, { pool: p, flags }),
    storagePoolDestroy: (p) => s.call(P.storagePoolDestroy, { pool: p }),
    storagePoolDelete: (p, flags) => s.call(P.storagePoolDelete, { pool: p, flags }),
    storagePoolRefresh: (p, flags) => s.call(P.storagePoolRefresh, { pool: p, flags }),
    storagePoolGetInfo: (p) => s.call(P.storagePoolGetInfo, { pool: p }),
    storagePoolGetXMLDesc: async (p, flags) => (await s.call(P.storagePoolGetXMLDesc, { pool: p, flags })).xml,
    storagePoolGetAutostart: async (p) => (await s.call(P.storagePoolGetAutostart, { pool: p })).autostart,
    storagePoolSetAutostart: (p, autostart) => s.call(P.storagePoolSetAutostart, { pool: p, autostart }),
    storagePoolNumOfVolumes: async (p) => (await s.call(P.storagePoolNumOfVolumes, { pool: p })).num,
    storagePoolListVolumes: async (p) => (await s.call(P.storagePoolListVolumes, { pool: p, maxnames: MAX_NAMES })).names,
    storagePoolListAllVolumes: async (p, flags) => (await s.call(P.storagePoolListAllVolumes, { pool: p, need_results: 1, flags })).vols,
    storagePoolIsActive: async (p) => (await s.call(P.storagePoolIsActive, { pool: p })).active,
    storagePoolIsPersistent: async (p) => (await s.call(P.storagePoolIsPersistent, { pool: p })).persistent,
    storageVolLookupByName: (p, name) => vol(s.call(P.storageVolLookupByName, { pool: p, name })),
    storageVolLookupByKey: (key) => vol(s.call(P.storageVolLookupByKey, { key })),
    storageVolLookupByPath: (path) => vol(s.call(P.storageVolLookupByPath, { path })),
    storageVolCreateXML: (p, xml, flags) => vol(s.call(P.storageVolCreateXML, { pool: p, xml, flags })),
    storageVolCreateXMLFrom: (p, xml, clonevol, flags) => vol(s.call(P.storageVolCreateXMLFrom, { pool: p, xml, clonevol, flags })),
    storageVolDelete: (v, flags) => s.call(P.storageVolDelete, { vol: v, flags }),
    storageVolWipe: (v, flags) => s.call(P.storageVolWipe, { vol: v, flags }),
    storageVolWipePattern: (v, algorithm, flags) => s.call(P.storageVolWipePattern, { vol: v, algorithm, flags }),
    storageVolGetInfo: (v) => s.call(P.storageVolGetInfo, { vol: v }),
    storageVolGetInfoFlags: (v, flags) => s.call(P.storageVolGetInfoFlags, { vol: v, flags }),
    storageVolGetXMLDesc: async (v, flags) => (await s.call(P.storageVolGetXMLDesc, { vol: v, flags })).xml,
    storageVolGetPath: async (v) => (await s.call(P.storageVolGetPath, { vol: v })).name,
    storageVolResize: (v, capacity, flags) => s.call(P.storageVolResize, { vol: v, capacity, flags }),
  };
}
