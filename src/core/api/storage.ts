import type { PoolHandle, VolumeHandle } from './handles.js';

/** virStoragePoolState */
export const PoolState = { INACTIVE: 0, BUILDING: 1, RUNNING: 2, DEGRADED: 3, INACCESSIBLE: 4 } as const;

/** virConnectListAllStoragePoolsFlags */
export const ListPools = {
  INACTIVE: 1 << 0,
  ACTIVE: 1 << 1,
  PERSISTENT: 1 << 2,
  TRANSIENT: 1 << 3,
  AUTOSTART: 1 << 4,
  NO_AUTOSTART: 1 << 5,
  DIR: 1 << 6,
  FS: 1 << 7,
  NETFS: 1 << 8,
  LOGICAL: 1 << 9,
  DISK: 1 << 10,
  ISCSI: 1 << 11,
  SCSI: 1 << 12,
  MPATH: 1 << 13,
  RBD: 1 << 14,
  SHEEPDOG: 1 << 15,
  GLUSTER: 1 << 16,
  ZFS: 1 << 17,
  VSTORAGE: 1 << 18,
  ISCSI_DIRECT: 1 << 19,
} as const;

/** virStoragePoolCreateFlags (also pool-start's flags). */
export const PoolCreateFlags = { WITH_BUILD: 1 << 0, WITH_BUILD_OVERWRITE: 1 << 1, WITH_BUILD_NO_OVERWRITE: 1 << 2 } as const;
/** virStoragePoolBuildFlags */
export const PoolBuildFlags = { REPAIR: 1 << 0, RESIZE: 1 << 1, NO_OVERWRITE: 1 << 2, OVERWRITE: 1 << 3 } as const;
/** virStoragePoolDefineFlags */
export const PoolDefineFlags = { VALIDATE: 1 << 0 } as const;
/** virStorageXMLFlags */
export const StorageXMLFlags = { INACTIVE: 1 << 0 } as const;
/** virStorageVolCreateFlags */
export const VolCreateFlags = { PREALLOC_METADATA: 1 << 0, REFLINK: 1 << 1, VALIDATE: 1 << 2 } as const;
/** virStorageVolDeleteFlags */
export const VolDeleteFlags = { ZEROED: 1 << 0, WITH_SNAPSHOTS: 1 << 1 } as const;
/** virStorageVolResizeFlags */
export const VolResizeFlags = { ALLOCATE: 1 << 0, DELTA: 1 << 1, SHRINK: 1 << 2 } as const;
/** virStorageVolInfoFlags */
export const VolInfoFlags = { GET_PHYSICAL: 1 << 0 } as const;
/** virStorageVolUploadFlags / virStorageVolDownloadFlags */
export const VolStreamFlags = { SPARSE_STREAM: 1 << 0 } as const;

/** virStoragePoolEventID */
export const PoolEventId = { LIFECYCLE: 0, REFRESH: 1 } as const;
/** virStoragePoolEventLifecycleType */
export const PoolLifecycle = { DEFINED: 0, UNDEFINED: 1, STARTED: 2, STOPPED: 3, CREATED: 4, DELETED: 5 } as const;

export interface PoolInfo {
  state: number;
  capacity: bigint;
  allocation: bigint;
  available: bigint;
}

export interface VolInfo {
  /** virStorageVolType */
  type: number;
  capacity: bigint;
  allocation: bigint;
}

/** A pool event as delivered to a callback: lifecycle carries event + detail, refresh none. */
export interface PoolEvent {
  pool: PoolHandle;
  eventId: number;
  event?: number;
  detail?: number;
}

export type PoolEventCallback = (event: PoolEvent) => void;

/**
 * A data stream for vol-upload / vol-download (virStream). The driver hands one back from
 * storageVolUpload/Download; the caller sends or receives through it and then finishes it.
 */
export interface VolStream {
  send(data: Uint8Array): Promise<void>;
  /** Next chunk, or undefined at the end of the data. */
  recv(): Promise<Uint8Array | undefined>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** virStoragePool* and virStorageVol*. */
export interface StorageApi {
  connectNumOfStoragePools(): Promise<number>;
  connectListStoragePools(): Promise<string[]>;
  connectNumOfDefinedStoragePools(): Promise<number>;
  connectListDefinedStoragePools(): Promise<string[]>;
  connectListAllStoragePools(flags: number): Promise<PoolHandle[]>;
  connectFindStoragePoolSources(type: string, srcSpec: string | undefined, flags: number): Promise<string>;
  connectGetStoragePoolCapabilities(flags: number): Promise<string>;
  /** Returns the callback id; `pool` narrows events to one pool. */
  connectStoragePoolEventRegisterAny(pool: PoolHandle | undefined, eventId: number, cb: PoolEventCallback): Promise<number>;
  connectStoragePoolEventDeregisterAny(callbackId: number): Promise<void>;

  storagePoolLookupByName(name: string): Promise<PoolHandle>;
  storagePoolLookupByUUIDString(uuid: string): Promise<PoolHandle>;
  storagePoolLookupByVolume(vol: VolumeHandle): Promise<PoolHandle>;
  storagePoolCreateXML(xml: string, flags: number): Promise<PoolHandle>;
  storagePoolDefineXML(xml: string, flags: number): Promise<PoolHandle>;
  storagePoolBuild(pool: PoolHandle, flags: number): Promise<void>;
  storagePoolUndefine(pool: PoolHandle): Promise<void>;
  storagePoolCreate(pool: PoolHandle, flags: number): Promise<void>;
  storagePoolDestroy(pool: PoolHandle): Promise<void>;
  storagePoolDelete(pool: PoolHandle, flags: number): Promise<void>;
  storagePoolRefresh(pool: PoolHandle, flags: number): Promise<void>;
  storagePoolGetInfo(pool: PoolHandle): Promise<PoolInfo>;
  storagePoolGetXMLDesc(pool: PoolHandle, flags: number): Promise<string>;
  storagePoolGetAutostart(pool: PoolHandle): Promise<boolean>;
  storagePoolSetAutostart(pool: PoolHandle, autostart: boolean): Promise<void>;
  storagePoolNumOfVolumes(pool: PoolHandle): Promise<number>;
  storagePoolListVolumes(pool: PoolHandle): Promise<string[]>;
  storagePoolListAllVolumes(pool: PoolHandle, flags: number): Promise<VolumeHandle[]>;
  storagePoolIsActive(pool: PoolHandle): Promise<boolean>;
  storagePoolIsPersistent(pool: PoolHandle): Promise<boolean>;

  storageVolLookupByName(pool: PoolHandle, name: string): Promise<VolumeHandle>;
  storageVolLookupByKey(key: string): Promise<VolumeHandle>;
  storageVolLookupByPath(path: string): Promise<VolumeHandle>;
  storageVolCreateXML(pool: PoolHandle, xml: string, flags: number): Promise<VolumeHandle>;
  storageVolCreateXMLFrom(pool: PoolHandle, xml: string, clone: VolumeHandle, flags: number): Promise<VolumeHandle>;
  storageVolDelete(vol: VolumeHandle, flags: number): Promise<void>;
  storageVolWipe(vol: VolumeHandle, flags: number): Promise<void>;
  storageVolWipePattern(vol: VolumeHandle, algorithm: number, flags: number): Promise<void>;
  storageVolGetInfo(vol: VolumeHandle): Promise<VolInfo>;
  storageVolGetInfoFlags(vol: VolumeHandle, flags: number): Promise<VolInfo>;
  storageVolGetXMLDesc(vol: VolumeHandle, flags: number): Promise<string>;
  storageVolGetPath(vol: VolumeHandle): Promise<string>;
  storageVolResize(vol: VolumeHandle, capacity: bigint, flags: number): Promise<void>;
  storageVolUpload(vol: VolumeHandle, offset: bigint, length: bigint, flags: number): Promise<VolStream>;
  storageVolDownload(vol: VolumeHandle, offset: bigint, length: bigint, flags: number): Promise<VolStream>;
}
