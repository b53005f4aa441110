import type { DomainHandle } from './handles.js';

/** remote_nonnull_domain_checkpoint */
export interface CheckpointHandle {
  domain: DomainHandle;
  name: string;
}

/** virDomainCheckpointCreateFlags */
export const CheckpointCreate = {
  REDEFINE: 1 << 0,
  QUIESCE: 1 << 1,
  REDEFINE_VALIDATE: 1 << 2,
} as const;

/** virDomainCheckpointXMLFlags */
export const CheckpointXML = {
  SECURE: 1 << 0,
  NO_DOMAIN: 1 << 1,
  SIZE: 1 << 2,
} as const;

/** virDomainCheckpointListFlags (ROOTS and DESCENDANTS share a bit, as for snapshots). */
export const CheckpointList = {
  ROOTS: 1 << 0,
  DESCENDANTS: 1 << 0,
  TOPOLOGICAL: 1 << 1,
  LEAVES: 1 << 2,
  NO_LEAVES: 1 << 3,
} as const;

/** virDomainCheckpointDeleteFlags */
export const CheckpointDelete = {
  CHILDREN: 1 << 0,
  METADATA_ONLY: 1 << 1,
  CHILDREN_ONLY: 1 << 2,
} as const;

/** virDomainCheckpoint*: checkpoints for incremental backup. */
export interface CheckpointApi {
  domainCheckpointCreateXML(dom: DomainHandle, xml: string, flags: number): Promise<CheckpointHandle>;
  domainListAllCheckpoints(dom: DomainHandle, flags: number): Promise<CheckpointHandle[]>;
  domainCheckpointLookupByName(dom: DomainHandle, name: string, flags: number): Promise<CheckpointHandle>;
  checkpointListAllChildren(chk: CheckpointHandle, flags: number): Promise<CheckpointHandle[]>;
  checkpointGetXMLDesc(chk: CheckpointHandle, flags: number): Promise<string>;
  checkpointGetParent(chk: CheckpointHandle, flags: number): Promise<CheckpointHandle>;
  checkpointDelete(chk: CheckpointHandle, flags: number): Promise<void>;
}
