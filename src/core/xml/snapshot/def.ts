import type { DomainDef } from '../domain/index.js';

/** virDomainSnapshotLocation names; index 0 ('default') means "not given". */
export const SNAPSHOT_LOCATIONS = ['default', 'no', 'internal', 'external', 'manual'] as const;
export type SnapshotLocation = (typeof SNAPSHOT_LOCATIONS)[number];

/** virDomainSnapshotState: virDomainState plus 'disk-snapshot'. */
export const SNAPSHOT_STATES = [
  'nostate',
  'running',
  'blocked',
  'paused',
  'shutdown',
  'shutoff',
  'crashed',
  'pmsuspended',
  'disk-snapshot',
] as const;
export type SnapshotState = (typeof SNAPSHOT_STATES)[number];

/** One `<disks><disk>` entry (virDomainSnapshotDiskDef). */
export interface SnapshotDiskDef {
  name: string;
  snapshot: SnapshotLocation;
  /** Storage type of the new image: 'file', 'block', 'network'… */
  type: string;
  path?: string;
  /** `<driver type>`: the image format. */
  format?: string;
  /** `<driver><metadata_cache><max_size>` in bytes. */
  metadataCacheMaxSize?: bigint;
  deleteInProgress?: boolean;
}

/** Fields every moment (snapshot or checkpoint) has (virDomainMomentDef). */
export interface MomentDef {
  name: string;
  description?: string;
  parentName?: string;
  /** Seconds since the epoch; 0 when unknown. */
  creationTime: number;
  /** The domain definition captured with the moment. */
  dom?: DomainDef;
}

export interface SnapshotDef extends MomentDef {
  state: SnapshotState | undefined;
  memory: SnapshotLocation;
  memoryFile?: string;
  disks: SnapshotDiskDef[];
  /** The inactive configuration of a running domain (`<inactiveDomain>`). */
  inactiveDom?: DomainDef;
  /** The driver's save cookie of a live snapshot, as formatted XML (`<cookie>…</cookie>\n`). */
  cookie?: string;
}

/** True when any part of the snapshot lives outside the disk images (virDomainSnapshotDefIsExternal). */
export function snapshotIsExternal(def: SnapshotDef): boolean {
  return def.memory === 'external' || def.disks.some((d) => d.snapshot === 'external');
}

/** Running or paused: the snapshot captured a live guest. */
export function snapshotIsOnline(def: SnapshotDef): boolean {
  return def.state === 'running' || def.state === 'paused';
}
