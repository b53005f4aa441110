import type { DomainHandle, SnapshotHandle } from './handles.js';

/** virDomainSnapshotCreateFlags */
export const SnapshotCreate = {
  REDEFINE: 1 << 0,
  CURRENT: 1 << 1,
  NO_METADATA: 1 << 2,
  HALT: 1 << 3,
  DISK_ONLY: 1 << 4,
  REUSE_EXT: 1 << 5,
  QUIESCE: 1 << 6,
  ATOMIC: 1 << 7,
  LIVE: 1 << 8,
  VALIDATE: 1 << 9,
} as const;

/** virDomainSnapshotListFlags (ROOTS and DESCENDANTS share a bit: roots for a domain-wide
 * listing, descendants when listing a snapshot's children). */
export const SnapshotList = {
  ROOTS: 1 << 0,
  DESCENDANTS: 1 << 0,
  METADATA: 1 << 1,
  LEAVES: 1 << 2,
  NO_LEAVES: 1 << 3,
  NO_METADATA: 1 << 4,
  INACTIVE: 1 << 5,
  ACTIVE: 1 << 6,
  DISK_ONLY: 1 << 7,
  INTERNAL: 1 << 8,
  EXTERNAL: 1 << 9,
  TOPOLOGICAL: 1 << 10,
} as const;

/** virDomainSnapshotRevertFlags */
export const SnapshotRevert = {
  RUNNING: 1 << 0,
  PAUSED: 1 << 1,
  FORCE: 1 << 2,
  RESET_NVRAM: 1 << 3,
} as const;

/** virDomainSnapshotDeleteFlags */
export const SnapshotDelete = {
  CHILDREN: 1 << 0,
  METADATA_ONLY: 1 << 1,
  CHILDREN_ONLY: 1 << 2,
} as const;

/** virDomainSnapshotXMLFlags (same bit as VIR_DOMAIN_XML_SECURE). */
export const SnapshotXML = { SECURE: 1 << 0 } as const;

/** virDomainSnapshot*: domain snapshots. */
export interface SnapshotApi {
  domainSnapshotCreateXML(dom: DomainHandle, xml: string, flags: number): Promise<SnapshotHandle>;
  domainSnapshotNum(dom: DomainHandle, flags: number): Promise<number>;
  domainListAllSnapshots(dom: DomainHandle, flags: number): Promise<SnapshotHandle[]>;
  domainSnapshotLookupByName(dom: DomainHandle, name: string, flags: number): Promise<SnapshotHandle>;
  domainHasCurrentSnapshot(dom: DomainHandle, flags: number): Promise<boolean>;
  domainSnapshotCurrent(dom: DomainHandle, flags: number): Promise<SnapshotHandle>;
  domainRevertToSnapshot(snap: SnapshotHandle, flags: number): Promise<void>;
  snapshotNumChildren(snap: SnapshotHandle, flags: number): Promise<number>;
  snapshotListAllChildren(snap: SnapshotHandle, flags: number): Promise<SnapshotHandle[]>;
  snapshotGetXMLDesc(snap: SnapshotHandle, flags: number): Promise<string>;
  snapshotGetParent(snap: SnapshotHandle, flags: number): Promise<SnapshotHandle>;
  snapshotIsCurrent(snap: SnapshotHandle, flags: number): Promise<boolean>;
  snapshotHasMetadata(snap: SnapshotHandle, flags: number): Promise<boolean>;
  snapshotDelete(snap: SnapshotHandle, flags: number): Promise<void>;
}
