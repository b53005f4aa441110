import { virErr, unsupported } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import type { StorageApi } from '../../../api/storage.js';
import { ListPools, PoolDefineFlags, PoolLifecycle, PoolState } from '../../../api/storage.js';
import type { PoolType } from '../../../xml/storage/enums.js';
import { formatPool, parsePoolXml } from '../../../xml/storage/pool.js';
import { parseUUID } from '../../../xml/ids.js';
import type { TestNode } from '../node.js';
import { mockVport } from '../nodedev/vport.js';
import { nodeDevicesOf } from '../nodedev.js';
import { storageOf } from './load.js';
import { nodeDeviceLifecycle } from '../events/index.js';
import { NodeDeviceLifecycle } from '../../../api/events.js';
import { listAdd } from './list-add.js';
import { emitLifecycle, emitRefresh } from './events.js';
import { findActiveByName, findByName, findByUuid, findInactiveByName, poolHandle, removePool, setDefaults, volHandle, type PoolObj } from './state.js';
import { checkFlags } from '../../check-flags.js';
import { invalidArg } from '../../../errors.js';

const TYPE_FLAGS: Record<PoolType, number> = {
  dir: ListPools.DIR,
  fs: ListPools.FS,
  netfs: ListPools.NETFS,
  logical: ListPools.LOGICAL,
  disk: ListPools.DISK,
  iscsi: ListPools.ISCSI,
  'iscsi-direct': ListPools.ISCSI_DIRECT,
  scsi: ListPools.SCSI,
  mpath: ListPools.MPATH,
  rbd: ListPools.RBD,
  sheepdog: ListPools.SHEEPDOG,
  gluster: ListPools.GLUSTER,
  zfs: ListPools.ZFS,
  vstorage: ListPools.VSTORAGE,
};
const ALL_TYPE_FLAGS = Object.values(TYPE_FLAGS).reduce((a, b) => a | b, 0);
const ALL_LIST_FLAGS = ALL_TYPE_FLAGS | 0x3f;

/** virStoragePoolObjMatch: each filter group given narrows the list. */
function matches(obj: PoolObj, flags: number): boolean {
  const group = (a: number, b: number, isA: boolean) =>
    !(flags & (a | b)) || (!!(flags & a) && isA) || (!!(flags & b) && !isA);
  return (
    group(ListPools.ACTIVE, ListPools.INACTIVE, obj.active) &&
    group(ListPools.PERSISTENT, ListPools.TRANSIENT, obj.persistent) &&
    group(ListPools.AUTOSTART, ListPools.NO_AUTOSTART, obj.autostart) &&
    (!(flags & ALL_TYPE_FLAGS) || !!(flags & TYPE_FLAGS[obj.def.type]))
  );
}

/** The name the test driver's mock vHBA always gets (testDestroyVport relies on it). */
const MOCK_VHBA = 'scsi_host12';

/** Everything but the volume calls, source discovery and event registration. */
export type PoolOps = Omit<
  StorageApi,
  | Extract<keyof StorageApi, `storageVol${string}`>
  | 'connectFindStoragePoolSources'
  | 'connectStoragePoolEventRegisterAny'
  | 'connectStoragePoolEventDeregisterAny'
>;

export function poolOps(node: TestNode): PoolOps {
  const s = storageOf(node);
  // Read on use: a node file's devices are read after its pools and interfaces (libvirt's order).
  const devices = () => nodeDevicesOf(node).devices;
  return {
    async connectNumOfStoragePools() {
      return s.pools.filter((p) => p.active).length;
    },
    async connectListStoragePools() {
      return s.pools.filter((p) => p.active).map((p) => p.def.name);
    },
    async connectNumOfDefinedStoragePools() {
      return s.pools.filter((p) => !p.active).length;
    },
    async connectListDefinedStoragePools() {
      return s.pools.filter((p) => !p.active).map((p) => p.def.name);
    },
    async connectListAllStoragePools(flags) {
      checkFlags(flags, ALL_LIST_FLAGS, 'testConnectListAllStoragePools');
      return s.pools.filter((p) => matches(p, flags)).map(poolHandle);
    },
    async connectGetStoragePoolCapabilities() {
      throw unsupported('virConnectGetStoragePoolCapabilities');
    },

    async storagePoolLookupByName(name) {
      return poolHandle(findByName(s, name));
    },
    async storagePoolLookupByUUIDString(uuid) {
      const parsed = parseUUID(uuid);
      if (!parsed) throw invalidArg('uuidstr in virStoragePoolLookupByUUIDString must be a valid UUID');
      return poolHandle(findByUuid(s, parsed));
    },
    async storagePoolLookupByVolume(vol) {
      return poolHandle(findByName(s, vol.pool));
    },
    async storagePoolCreateXML(xml, flags) {
      checkFlags(flags, 0, 'testStoragePoolCreateXML');
      const def = parsePoolXml(xml);
      const obj = listAdd(s, def, true);
      obj.def = def;
      const adapter = def.source.adapter;
      if (adapter?.type === 'fc_host') {
        // No udev here: the test driver fakes the vHBA an fc_host pool would create.
        try {
          const vhba = mockVport(devices(), adapter.wwnn ?? '', adapter.wwpn ?? '');
          devices().set(vhba.name, vhba);
          nodeDeviceLifecycle(node, vhba.name, NodeDeviceLifecycle.CREATED);
        } catch (e) {
          removePool(s, obj);
          throw e;
        }
      }
      setDefaults(obj.def);
      obj.persistent = false;
      obj.active = true;
      emitLifecycle(s, obj, PoolLifecycle.STARTED);
      return poolHandle(obj);
    },
    async storagePoolDefineXML(xml, flags) {
      checkFlags(flags, PoolDefineFlags.VALIDATE, 'testStoragePoolDefineXML');
      if (flags & PoolDefineFlags.VALIDATE) await schemaCheck(xml, 'storagepool.rng', 'pool');
      const def = parsePoolXml(xml);
      setDefaults(def);
      const obj = listAdd(s, def, false);
      emitLifecycle(s, obj, PoolLifecycle.DEFINED);
      setDefaults(obj.def);
      obj.persistent = true;
      return poolHandle(obj);
    },
    async storagePoolBuild(pool, flags) {
      checkFlags(flags, 0, 'testStoragePoolBuild');
      const obj = findInactiveByName(s, pool.name);
      emitLifecycle(s, obj, PoolLifecycle.CREATED);
    },
    async storagePoolUndefine(pool) {
      const obj = findInactiveByName(s, pool.name);
      emitLifecycle(s, obj, PoolLifecycle.UNDEFINED);
      removePool(s, obj);
    },
    async storagePoolCreate(pool, flags) {
      checkFlags(flags, 0, 'testStoragePoolCreate');
      const obj = findInactiveByName(s, pool.name);
      obj.active = true;
      emitLifecycle(s, obj, PoolLifecycle.STARTED);
    },
    async storagePoolDestroy(pool) {
      const obj = findActiveByName(s, pool.name);
      obj.active = false;
      if (obj.def.source.adapter?.type === 'fc_host') {
        if (!devices().has(MOCK_VHBA)) {
          throw virErr('NO_NODE_DEVICE', `no node device with matching name '${MOCK_VHBA}'`);
        }
        devices().delete(MOCK_VHBA);
        nodeDeviceLifecycle(node, MOCK_VHBA, NodeDeviceLifecycle.DELETED);
      }
      emitLifecycle(s, obj, PoolLifecycle.STOPPED);
      if (!obj.persistent) removePool(s, obj);
    },
    async storagePoolDelete(pool, flags) {
      checkFlags(flags, 0, 'testStoragePoolDelete');
      const obj = findInactiveByName(s, pool.name);
      emitLifecycle(s, obj, PoolLifecycle.DELETED);
    },
    async storagePoolRefresh(pool, flags) {
      checkFlags(flags, 0, 'testStoragePoolRefresh');
      emitRefresh(s, findActiveByName(s, pool.name));
    },
    async storagePoolGetInfo(pool) {
      const { def, active } = findByName(s, pool.name);
      return {
        state: active ? PoolState.RUNNING : PoolState.INACTIVE,
        capacity: def.capacity,
        allocation: def.allocation,
        available: def.available,
      };
    },
    async storagePoolGetXMLDesc(pool, flags) {
      checkFlags(flags, 0, 'testStoragePoolGetXMLDesc');
      return formatPool(findByName(s, pool.name).def);
    },
    async storagePoolGetAutostart(pool) {
      const obj = findByName(s, pool.name);
      return obj.persistent && obj.autostart;
    },
    async storagePoolSetAutostart(pool, autostart) {
      const obj = findByName(s, pool.name);
      if (!obj.persistent) throw virErr('INVALID_ARG', 'pool has no config file');
      obj.autostart = autostart;
    },
    async storagePoolNumOfVolumes(pool) {
      return findActiveByName(s, pool.name).volumes.length;
    },
    async storagePoolListVolumes(pool) {
      return findActiveByName(s, pool.name).volumes.map((v) => v.name);
    },
    async storagePoolListAllVolumes(pool, flags) {
      checkFlags(flags, 0, 'testStoragePoolListAllVolumes');
      const obj = findByUuid(s, pool.uuid);
      if (!obj.active) throw virErr('OPERATION_INVALID', 'storage pool is not active');
      return obj.volumes.map((v) => volHandle(obj, v));
    },
    async storagePoolIsActive(pool) {
      return findByUuid(s, pool.uuid).active;
    },
    async storagePoolIsPersistent(pool) {
      return findByUuid(s, pool.uuid).persistent;
    },
  };
}
