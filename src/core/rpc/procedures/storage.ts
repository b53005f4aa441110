import { LIST_MAX } from '../constants.js';
import { optStr, pool, str, uuid, volume as vol } from '../types.js';
import { array, bool, int, uhyper, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

const poolRet = s({ pool });
const poolOnly = s({ pool });
const poolFlags = s({ pool, flags: uint });
const volRet = s({ vol });
const volInfo = s({ type: int, capacity: uhyper, allocation: uhyper });

/** Storage pool and volume procedures. */
export const storageProcs = {
  connectNumOfStoragePools: remote(71, 'CONNECT_NUM_OF_STORAGE_POOLS', none, s({ num: int })),
  connectListStoragePools: remote(72, 'CONNECT_LIST_STORAGE_POOLS', s({ maxnames: int }), s({ names: array(str, LIST_MAX) })),
  connectNumOfDefinedStoragePools: remote(73, 'CONNECT_NUM_OF_DEFINED_STORAGE_POOLS', none, s({ num: int })),
  connectListDefinedStoragePools: remote(74, 'CONNECT_LIST_DEFINED_STORAGE_POOLS', s({ maxnames: int }), s({ names: array(str, LIST_MAX) })),
  connectFindStoragePoolSources: remote(75, 'CONNECT_FIND_STORAGE_POOL_SOURCES', s({ type: str, srcSpec: optStr, flags: uint }), s({ xml: str })),
  storagePoolCreateXML: remote(76, 'STORAGE_POOL_CREATE_XML', s({ xml: str, flags: uint }), poolRet),
  storagePoolDefineXML: remote(77, 'STORAGE_POOL_DEFINE_XML', s({ xml: str, flags: uint }), poolRet),
  storagePoolCreate: remote(78, 'STORAGE_POOL_CREATE', poolFlags, none),
  storagePoolBuild: remote(79, 'STORAGE_POOL_BUILD', poolFlags, none),
  storagePoolDestroy: remote(80, 'STORAGE_POOL_DESTROY', poolOnly, none),
  storagePoolDelete: remote(81, 'STORAGE_POOL_DELETE', poolFlags, none),
  storagePoolUndefine: remote(82, 'STORAGE_POOL_UNDEFINE', poolOnly, none),
  storagePoolRefresh: remote(83, 'STORAGE_POOL_REFRESH', poolFlags, none),
  storagePoolLookupByName: remote(84, 'STORAGE_POOL_LOOKUP_BY_NAME', s({ name: str }), poolRet),
  storagePoolLookupByUUID: remote(85, 'STORAGE_POOL_LOOKUP_BY_UUID', s({ uuid }), poolRet),
  storagePoolLookupByVolume: remote(86, 'STORAGE_POOL_LOOKUP_BY_VOLUME', s({ vol }), poolRet),
  storagePoolGetInfo: remote(
    87,
    'STORAGE_POOL_GET_INFO',
    poolOnly,
    s({ state: uint, capacity: uhyper, allocation: uhyper, available: uhyper }),
  ),
  storagePoolGetXMLDesc: remote(88, 'STORAGE_POOL_GET_XML_DESC', poolFlags, s({ xml: str })),
  storagePoolGetAutostart: remote(89, 'STORAGE_POOL_GET_AUTOSTART', poolOnly, s({ autostart: bool })),
  storagePoolSetAutostart: remote(90, 'STORAGE_POOL_SET_AUTOSTART', s({ pool, autostart: bool }), none),
  storagePoolNumOfVolumes: remote(91, 'STORAGE_POOL_NUM_OF_VOLUMES', poolOnly, s({ num: int })),
  storagePoolListVolumes: remote(92, 'STORAGE_POOL_LIST_VOLUMES', s({ pool, maxnames: int }), s({ names: array(str, LIST_MAX) })),
  storageVolCreateXML: remote(93, 'STORAGE_VOL_CREATE_XML', s({ pool, xml: str, flags: uint }), volRet),
  storageVolDelete: remote(94, 'STORAGE_VOL_DELETE', s({ vol, flags: uint }), none),
  storageVolLookupByName: remote(95, 'STORAGE_VOL_LOOKUP_BY_NAME', s({ pool, name: str }), volRet),
  storageVolLookupByKey: remote(96, 'STORAGE_VOL_LOOKUP_BY_KEY', s({ key: str }), volRet),
  storageVolLookupByPath: remote(97, 'STORAGE_VOL_LOOKUP_BY_PATH', s({ path: str }), volRet),
  storageVolGetInfo: remote(98, 'STORAGE_VOL_GET_INFO', s({ vol }), volInfo),
  storageVolGetXMLDesc: remote(99, 'STORAGE_VOL_GET_XML_DESC', s({ vol, flags: uint }), s({ xml: str })),
  storageVolGetPath: remote(100, 'STORAGE_VOL_GET_PATH', s({ vol }), s({ name: str })),
  storageVolCreateXMLFrom: remote(125, 'STORAGE_VOL_CREATE_XML_FROM', s({ pool, xml: str, clonevol: vol, flags: uint }), volRet),
  storagePoolIsActive: remote(154, 'STORAGE_POOL_IS_ACTIVE', poolOnly, s({ active: bool })),
  storagePoolIsPersistent: remote(155, 'STORAGE_POOL_IS_PERSISTENT', poolOnly, s({ persistent: bool })),
  storageVolWipe: remote(165, 'STORAGE_VOL_WIPE', s({ vol, flags: uint }), none),
  storageVolUpload: remote(208, 'STORAGE_VOL_UPLOAD', s({ vol, offset: uhyper, length: uhyper, flags: uint }), none, { stream: 'send' }),
  storageVolDownload: remote(209, 'STORAGE_VOL_DOWNLOAD', s({ vol, offset: uhyper, length: uhyper, flags: uint }), none, { stream: 'recv' }),
  storageVolWipePattern: remote(259, 'STORAGE_VOL_WIPE_PATTERN', s({ vol, algorithm: uint, flags: uint }), none),
  storageVolResize: remote(260, 'STORAGE_VOL_RESIZE', s({ vol, capacity: uhyper, flags: uint }), none),
  connectListAllStoragePools: remote(281, 'CONNECT_LIST_ALL_STORAGE_POOLS', s({ need_results: int, flags: uint }), s({ pools: array(pool, LIST_MAX), ret: uint })),
  storagePoolListAllVolumes: remote(282, 'STORAGE_POOL_LIST_ALL_VOLUMES', s({ pool, need_results: int, flags: uint }), s({ vols: array(vol, LIST_MAX), ret: uint })),
  storageVolGetInfoFlags: remote(378, 'STORAGE_VOL_GET_INFO_FLAGS', s({ vol, flags: uint }), volInfo),
  connectGetStoragePoolCapabilities: remote(403, 'CONNECT_GET_STORAGE_POOL_CAPABILITIES', s({ flags: uint }), s({ capabilities: str })),
};
