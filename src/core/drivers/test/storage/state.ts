import { VirError, virErr } from '../../../errors.js';
import type { PoolHandle, VolumeHandle } from '../../../api/handles.js';
import type { PoolEventCallback } from '../../../api/storage.js';
import type { PoolDef } from '../../../xml/storage/pool.js';
import type { VolDef } from '../../../xml/storage/volume.js';

/** The test driver's default pool size: 100 GiB, nothing allocated. */
export const DEFAULT_POOL_CAPACITY = 100n * 1024n * 1024n * 1024n;

/** One pool (virStoragePoolObj): its definition, state and volumes. */
export interface PoolObj {
  def: PoolDef;
  active: boolean;
  /** Has a config file: the test driver's notion of a persistent pool. */
  persistent: boolean;
  autostart: boolean;
  volumes: VolDef[];
}

export interface EventRegistration {
  id: number;
  poolUuid?: string;
  eventId: number;
  cb: PoolEventCallback;
}

export interface StorageState {
  pools: PoolObj[];
  callbacks: EventRegistration[];
  nextCallbackId: number;
}

/** libvirt keeps pool sizes in unsigned long long: sums and differences wrap modulo 2^64. */
export const u64 = (n: bigint): bigint => BigInt.asUintN(64, n);

/** Moves `delta` bytes into (or, negative, out of) the pool's allocation, as libvirt's u64 arithmetic does. */
export function allocate(def: PoolDef, delta: bigint): void {
  def.allocation = u64(def.allocation + delta);
  def.available = u64(def.capacity - def.allocation);
}

/** virStoragePoolObjAddVol: names, keys and paths are unique in a pool; a clash fails without saying why. */
export function addVol(obj: PoolObj, vol: VolDef): void {
  if (obj.volumes.some((v) => v.name === vol.name || v.key === vol.key || v.path === vol.path)) {
    throw new VirError(0, 'An error occurred, but the cause is unknown');
  }
  obj.volumes.push(vol);
}

/** testStoragePoolObjSetDefaults: a fresh 100 GiB, empty pool. */
export function setDefaults(def: PoolDef): void {
  def.capacity = DEFAULT_POOL_CAPACITY;
  def.allocation = 0n;
  def.available = DEFAULT_POOL_CAPACITY;
}

export function poolHandle(obj: PoolObj): PoolHandle {
  return { name: obj.def.name, uuid: obj.def.uuid };
}

export function volHandle(obj: PoolObj, vol: VolDef): VolumeHandle {
  return { pool: obj.def.name, name: vol.name, key: vol.key ?? '' };
}

export function findByName(s: StorageState, name: string): PoolObj {
  const obj = s.pools.find((p) => p.def.name === name);
  if (!obj) throw virErr('NO_STORAGE_POOL', `no storage pool with matching name '${name}'`);
  return obj;
}

export function findByUuid(s: StorageState, uuid: string): PoolObj {
  const obj = s.pools.find((p) => p.def.uuid === uuid);
  if (!obj) throw virErr('NO_STORAGE_POOL', `no storage pool with matching uuid '${uuid}'`);
  return obj;
}

export function findActiveByName(s: StorageState, name: string): PoolObj {
  const obj = findByName(s, name);
  if (!obj.active) throw virErr('OPERATION_INVALID', `storage pool '${name}' is not active`);
  return obj;
}

export function findInactiveByName(s: StorageState, name: string): PoolObj {
  const obj = findByName(s, name);
  if (obj.active) throw virErr('OPERATION_INVALID', `storage pool '${name}' is active`);
  return obj;
}

export function findVol(obj: PoolObj, name: string): VolDef {
  const vol = obj.volumes.find((v) => v.name === name);
  if (!vol) throw virErr('NO_STORAGE_VOL', `no storage vol with matching name '${name}'`);
  return vol;
}

export function removePool(s: StorageState, obj: PoolObj): void {
  s.pools = s.pools.filter((p) => p !== obj);
}
