import { virErr, unsupported } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import { parseXmlDocument } from '../../../xml/parse.js';
import type { StorageApi } from '../../../api/storage.js';
import { VolCreateFlags } from '../../../api/storage.js';
import { VOL_TYPES, testVolTypeForPool } from '../../../xml/storage/enums.js';
import { formatVol, parseVolXml, type VolDef } from '../../../xml/storage/volume.js';
import { addVol, allocate, findActiveByName, findVol, u64, volHandle, type PoolObj, type StorageState } from './state.js';
import { checkFlags } from '../../check-flags.js';

/** Finds the first active pool holding a volume that satisfies `test`. */
function searchActive(s: StorageState, test: (v: VolDef) => boolean): [PoolObj, VolDef] | undefined {
  for (const obj of s.pools) {
    if (!obj.active) continue;
    const vol = obj.volumes.find(test);
    if (vol) return [obj, vol];
  }
  return undefined;
}

/** VIR_VOL_XML_PARSE_VALIDATE, the parse flag the test driver sets for VIR_STORAGE_VOL_CREATE_VALIDATE. */
const VOL_XML_PARSE_VALIDATE = 1 << 2;

/**
 * testStorageVolCreateXML(From): parse against the pool, refuse a duplicate name or a volume
 * bigger than the free space, then place it at TARGET/NAME with that path as its key.
 */
async function createVol(s: StorageState, poolName: string, xml: string, fn: string, flags: number, clone?: string): Promise<VolDef> {
  checkFlags(flags, VolCreateFlags.VALIDATE, fn);
  const obj = findActiveByName(s, poolName);
  const def = obj.def;
  if (flags & VolCreateFlags.VALIDATE) {
    // virXMLParse reports a malformed document or a wrong root before it validates.
    parseXmlDocument(xml, '(storage_volume_definition)', 'volume');
    await schemaCheck(xml, 'storagevol.rng', 'volume');
    // libvirt 9.0 hands its VIR_VOL_XML_PARSE_VALIDATE (1 << 2) on to virStorageVolDefParseXML,
    // which accepts only the capacity flags: a volume that passes the schema is then refused.
    checkFlags(VOL_XML_PARSE_VALIDATE, 0, 'virStorageVolDefParseXML');
  }
  const vol = parseVolXml(xml, def.type);
  if (obj.volumes.some((v) => v.name === vol.name)) throw virErr('OPERATION_FAILED', 'storage vol already exists');
  if (clone !== undefined) findVol(obj, clone);
  if (u64(def.allocation + vol.allocation) > def.capacity) {
    throw virErr('INTERNAL_ERROR', `Not enough free space in pool for volume '${vol.name}'`);
  }
  vol.path = `${def.targetPath ?? '(null)'}/${vol.name}`;
  vol.key = vol.path;
  addVol(obj, vol);
  allocate(def, vol.allocation);
  return vol;
}

/** The storageVol* calls. */
export type VolumeOps = Pick<StorageApi, Extract<keyof StorageApi, `storageVol${string}`>>;

export function volumeOps(s: StorageState): VolumeOps {
  const active = (pool: string, name: string): [PoolObj, VolDef] => {
    const obj = findActiveByName(s, pool);
    return [obj, findVol(obj, name)];
  };
  return {
    async storageVolLookupByName(pool, name) {
      const [obj, vol] = active(pool.name, name);
      return volHandle(obj, vol);
    },
    async storageVolLookupByKey(key) {
      const hit = searchActive(s, (v) => v.key === key);
      if (!hit) throw virErr('NO_STORAGE_VOL', `no storage vol with matching key '${key}'`);
      return volHandle(...hit);
    },
    async storageVolLookupByPath(path) {
      const hit = searchActive(s, (v) => v.path === path);
      if (!hit) throw virErr('NO_STORAGE_VOL', `no storage vol with matching path '${path}'`);
      return volHandle(...hit);
    },
    async storageVolCreateXML(pool, xml, flags) {
      const vol = await createVol(s, pool.name, xml, 'testStorageVolCreateXML', flags);
      return { pool: pool.name, name: vol.name, key: vol.key ?? '' };
    },
    async storageVolCreateXMLFrom(pool, xml, clone, flags) {
      const vol = await createVol(s, pool.name, xml, 'testStorageVolCreateXMLFrom', flags, clone.name);
      return { pool: pool.name, name: vol.name, key: vol.key ?? '' };
    },
    async storageVolDelete(handle, flags) {
      checkFlags(flags, 0, 'testStorageVolDelete');
      const [obj, vol] = active(handle.pool, handle.name);
      allocate(obj.def, -vol.allocation);
      obj.volumes = obj.volumes.filter((v) => v !== vol);
    },
    async storageVolWipe() {
      throw unsupported('virStorageVolWipe');
    },
    async storageVolWipePattern() {
      throw unsupported('virStorageVolWipePattern');
    },
    async storageVolGetInfo(handle) {
      const [obj, vol] = active(handle.pool, handle.name);
      return { type: VOL_TYPES.indexOf(testVolTypeForPool(obj.def.type)), capacity: vol.capacity, allocation: vol.allocation };
    },
    async storageVolGetInfoFlags() {
      throw unsupported('virStorageVolGetInfoFlags');
    },
    async storageVolGetXMLDesc(handle, flags) {
      checkFlags(flags, 0, 'testStorageVolGetXMLDesc');
      const [obj, vol] = active(handle.pool, handle.name);
      return formatVol(obj.def.type, vol);
    },
    async storageVolGetPath(handle) {
      return active(handle.pool, handle.name)[1].path ?? '';
    },
    async storageVolResize() {
      throw unsupported('virStorageVolResize');
    },
    async storageVolUpload() {
      throw unsupported('virStorageVolUpload');
    },
    async storageVolDownload() {
      throw unsupported('virStorageVolDownload');
    },
  };
}
