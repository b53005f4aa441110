/** Object handles, as libvirt's remote protocol carries them (remote_nonnull_*). */

export interface DomainHandle {
  name: string;
  /** Canonical lower-case 8-4-4-4-12 form. */
  uuid: string;
  /** -1 while the domain is not running. */
  id: number;
}

export interface NetworkHandle {
  name: string;
  uuid: string;
}

export interface PoolHandle {
  name: string;
  uuid: string;
}

export interface VolumeHandle {
  pool: string;
  name: string;
  key: string;
}

export interface InterfaceHandle {
  name: string;
  mac: string;
}

export interface NodeDeviceHandle {
  name: string;
}

export interface SecretHandle {
  uuid: string;
  usageType: number;
  usageID: string;
}

export interface SnapshotHandle {
  domain: DomainHandle;
  name: string;
}
