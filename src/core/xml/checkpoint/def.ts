import type { MomentDef } from '../snapshot/def.js';

/** virDomainCheckpointType names. */
export const CHECKPOINT_TYPES = ['default', 'no', 'bitmap'] as const;
export type CheckpointType = (typeof CHECKPOINT_TYPES)[number];

export interface CheckpointDiskDef {
  name: string;
  type: CheckpointType;
  bitmap?: string;
  /** Estimated size, filled only for VIR_DOMAIN_CHECKPOINT_XML_SIZE. */
  size?: number;
}

export interface CheckpointDef extends MomentDef {
  disks: CheckpointDiskDef[];
}
