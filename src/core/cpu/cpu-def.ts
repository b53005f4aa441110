/** A CPU definition (virCPUDef) as the CPU model engine reads and writes it. */
import { virErr } from '../errors.js';

/** virCPUFeaturePolicy names, in enum order. */
export const FEATURE_POLICIES = ['force', 'require', 'optional', 'disable', 'forbid'] as const;
export type FeaturePolicy = (typeof FEATURE_POLICIES)[number];

export interface CpuFeature {
  name: string;
  /** undefined on host CPUs, whose features carry no policy. */
  policy?: FeaturePolicy;
}

/** virCPUFallback names. */
export type CpuFallback = 'allow' | 'forbid';

export interface HostCpuExtras {
  microcode?: number;
  signature?: { family: number; model: number; stepping: number };
  tsc?: { frequency: bigint; scaling?: 'yes' | 'no' };
  topology?: { sockets: number; dies: number; cores: number; threads: number };
  cache?: { level?: number; mode: string };
  maxphysaddr?: { mode: string; bits?: number };
}

export interface CpuDef extends HostCpuExtras {
  type: 'host' | 'guest';
  /** Host CPUs only. */
  arch?: string;
  /** Guest CPUs: mode='custom' with match='exact' is all the engine produces. */
  match?: 'minimum' | 'exact' | 'strict';
  fallback: CpuFallback;
  model?: string;
  vendor?: string;
  features: CpuFeature[];
}

/** virCPUDefAddFeature's three behaviours for a feature already listed. */
export type AddFeatureMode = 'exclusive' | 'update' | 'if-missing';

/** virCPUDefAddFeatureInternal: host CPUs drop the policy. */
export function addFeature(cpu: CpuDef, name: string, policy: FeaturePolicy, mode: AddFeatureMode): void {
  const p = cpu.type === 'host' ? undefined : policy;
  const existing = cpu.features.find((f) => f.name === name);
  if (!existing) {
    cpu.features.push({ name, policy: p });
    return;
  }
  if (mode === 'update') existing.policy = p;
  else if (mode === 'exclusive') throw virErr('INTERNAL_ERROR', `CPU feature '${name}' specified more than once`, 'CPU');
}
