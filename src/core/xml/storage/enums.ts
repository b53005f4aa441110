/** libvirt's storage enums (storage_conf.c, storage_source_conf.c), in enum order. */

export const POOL_TYPES = [
  'dir', 'fs', 'netfs', 'logical', 'disk', 'iscsi', 'iscsi-direct',
  'scsi', 'mpath', 'rbd', 'sheepdog', 'gluster', 'zfs', 'vstorage',
] as const;
export type PoolType = (typeof POOL_TYPES)[number];

export function isPoolType(s: string): s is PoolType {
  return (POOL_TYPES as readonly string[]).includes(s);
}

/** virStorageVolType: the volume type attribute and vol-info's Type line. */
export const VOL_TYPES = ['file', 'block', 'dir', 'network', 'netdir', 'ploop'] as const;

/** virStorageFileFormat; index 0 ('none') is not a valid volume format. */
export const FILE_FORMATS = [
  'none', 'raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi',
  'fat', 'vhd', 'ploop', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk',
] as const;

export const FILE_FEATURES = ['lazy_refcounts', 'extended_l2'] as const;

export const AUTH_TYPES = ['none', 'chap', 'ceph'] as const;

export const ADAPTER_TYPES = ['default', 'scsi_host', 'fc_host'] as const;

const FS_FORMATS = ['auto', 'ext2', 'ext3', 'ext4', 'ufs', 'iso9660', 'udf', 'gfs', 'gfs2', 'vfat', 'hfs+', 'xfs', 'ocfs2', 'vmfs'];
const NETFS_FORMATS = ['auto', 'nfs', 'glusterfs', 'cifs'];
const DISK_FORMATS = ['unknown', 'dos', 'dvh', 'gpt', 'mac', 'bsd', 'pc98', 'sun', 'lvm2'];
const LOGICAL_FORMATS = ['unknown', 'lvm2'];
const VOL_DISK_FORMATS = ['none', 'linux', 'fat16', 'fat32', 'linux-swap', 'linux-lvm', 'linux-raid', 'extended'];

/** Which parts of <source> a pool type uses (VIR_STORAGE_POOL_SOURCE_*). */
export type SourceFlag = 'host' | 'device' | 'dir' | 'adapter' | 'name' | 'iqn' | 'network';

export interface FormatTable {
  values: readonly string[];
  /** Index of the default value. */
  default: number;
  /** Values with an index below `first` are not accepted on input (virStorageFileFormat 'none'). */
  first?: number;
}

export interface PoolTypeInfo {
  flags: readonly SourceFlag[];
  /** Formats of <source><format>, when the type has one. */
  poolFormats?: FormatTable;
  /** Formats of a volume's <target><format>, when the type has one. */
  volFormats?: FormatTable;
}

const fileVolFormats: FormatTable = { values: FILE_FORMATS, default: 1, first: 1 };

/** poolTypeInfo of storage_conf.c as data. */
export const POOL_TYPE_INFO: Record<PoolType, PoolTypeInfo> = {
  logical: { flags: ['name', 'device'], poolFormats: { values: LOGICAL_FORMATS, default: 1 } },
  dir: { flags: [], volFormats: fileVolFormats },
  fs: { flags: ['device'], poolFormats: { values: FS_FORMATS, default: 0 }, volFormats: fileVolFormats },
  netfs: { flags: ['host', 'dir'], poolFormats: { values: NETFS_FORMATS, default: 0 }, volFormats: fileVolFormats },
  iscsi: { flags: ['host', 'device', 'iqn'] },
  'iscsi-direct': { flags: ['host', 'device', 'network', 'iqn'] },
  scsi: { flags: ['adapter'] },
  rbd: { flags: ['host', 'network', 'name'], volFormats: fileVolFormats },
  sheepdog: { flags: ['host', 'network', 'name'] },
  gluster: { flags: ['host', 'network', 'name', 'dir'], volFormats: fileVolFormats },
  mpath: { flags: [] },
  disk: { flags: ['device'], poolFormats: { values: DISK_FORMATS, default: 0 }, volFormats: { values: VOL_DISK_FORMATS, default: 0 } },
  zfs: { flags: ['name', 'device'] },
  vstorage: { flags: ['name'], volFormats: fileVolFormats },
};

export function hasFlag(type: PoolType, flag: SourceFlag): boolean {
  return POOL_TYPE_INFO[type].flags.includes(flag);
}

/** Index of `value` in a format table, or -1 when the table does not accept it. */
export function formatIndex(table: FormatTable, value: string): number {
  const i = table.values.indexOf(value);
  return i < (table.first ?? 0) ? -1 : i;
}

/** The volume type the test driver reports for volumes of a pool type (vol-info's Type). */
export function testVolTypeForPool(type: PoolType): (typeof VOL_TYPES)[number] {
  if (['dir', 'fs', 'netfs', 'vstorage'].includes(type)) return 'file';
  if (['sheepdog', 'iscsi-direct', 'gluster', 'rbd'].includes(type)) return 'network';
  return 'block';
}
