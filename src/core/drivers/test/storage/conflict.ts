import type { PoolDef } from '../../../xml/storage/pool.js';
import type { PoolSource } from '../../../xml/storage/source.js';

function singleHost(a: PoolSource, b: PoolSource): boolean {
  if (a.hosts.length !== 1 && b.hosts.length !== 1) return false;
  const [ha, hb] = [a.hosts[0], b.hosts[0]];
  if (!ha || !hb) return false;
  if (hb.port && ha.port !== hb.port) return false;
  return ha.name === hb.name;
}

function sharedDevice(a: PoolSource, b: PoolSource): boolean {
  return a.devices.some((d) => b.devices.some((e) => e.path === d.path));
}

/** virSCSIHostGetNumber: N of "scsi_hostN", "fc_hostN" or "hostN". */
function hostNumber(name: string | undefined): number | undefined {
  const m = /^(?:scsi_host|fc_host|host)(\s*\+?\d+)$/.exec(name ?? '');
  return m && Number(m[1]) <= 0xffffffff ? Number(m[1]) : undefined;
}

type ScsiHost = Extract<NonNullable<PoolSource['adapter']>, { type: 'scsi_host' }>;
type FcHost = Extract<NonNullable<PoolSource['adapter']>, { type: 'fc_host' }>;

/** getSCSIHostNumber: a parent address would need sysfs, which the test node does not have. */
const scsiHostNumber = (a: ScsiHost) => (a.parent ? undefined : hostNumber(a.name));

/** matchFCHostToSCSIHost without sysfs: only an explicit parent can match. */
const fcOnHost = (fc: FcHost, num: number | undefined) => num !== undefined && fc.parent !== undefined && hostNumber(fc.parent) === num;

/** virStoragePoolObjSourceMatchTypeISCSI: do two adapters name the same SCSI host? */
function adapterMatch(a: PoolSource, b: PoolSource): boolean {
  const [x, y] = [a.adapter, b.adapter];
  if (!x || !y) return false;
  if (x.type === 'fc_host' && y.type === 'fc_host') return x.wwnn === y.wwnn && x.wwpn === y.wwpn;
  if (x.type === 'scsi_host' && y.type === 'scsi_host') {
    if (x.parent && y.parent) {
      const [p, q] = [x.parent, y.parent];
      if (p.uniqueId === q.uniqueId && (['domain', 'bus', 'slot', 'function'] as const).every((k) => p.address[k] === q.address[k])) {
        return true;
      }
    }
    const [m, n] = [scsiHostNumber(x), scsiHostNumber(y)];
    return m !== undefined && m === n;
  }
  if (x.type === 'fc_host' && y.type === 'scsi_host') return fcOnHost(x, scsiHostNumber(y));
  if (x.type === 'scsi_host' && y.type === 'fc_host') return fcOnHost(y, scsiHostNumber(x));
  return false;
}

const DEVICE_TYPES = ['iscsi', 'fs', 'logical', 'disk', 'zfs'];

/**
 * virStoragePoolObjSourceFindDuplicateCb: does `def` describe the same underlying storage
 * as the existing pool `existing`? (Pools of the same name are a redefinition, not a conflict.)
 */
export function sourceConflict(existing: PoolDef, def: PoolDef): boolean {
  if (existing.name === def.name) return false;
  const [a, b] = [existing.source, def.source];
  switch (existing.type) {
    case 'dir':
      return def.type === 'dir' && existing.targetPath === def.targetPath;
    case 'gluster':
      return def.type === 'gluster' && a.name === b.name && a.dir === b.dir && singleHost(a, b);
    case 'netfs':
      return def.type === 'netfs' && a.dir === b.dir && singleHost(a, b);
    case 'scsi':
      return def.type === 'scsi' && adapterMatch(a, b);
    case 'iscsi':
      return def.type === 'iscsi' && sharedDevice(a, b) && a.iqn === b.iqn;
    case 'fs':
    case 'logical':
    case 'disk':
    case 'zfs':
      return DEVICE_TYPES.includes(def.type) && def.type !== 'iscsi' && sharedDevice(a, b);
    case 'sheepdog':
      return def.type === 'sheepdog' && singleHost(a, b);
    case 'mpath':
      return def.type === 'mpath';
    case 'vstorage':
      return def.type === 'vstorage' && a.name === b.name;
    default:
      return false;
  }
}
