import { virErr } from '../errors.js';
import { addFeature, type CpuDef, type FeaturePolicy } from './cpu-def.js';
import { copyData, isSubsetData, subtractData, type X86Data } from './x86-bits.js';
import { x86Map, type X86Model, type X86Vendor } from './x86-map.js';

/**
 * x86DataToCPUFeatures: lists every map feature whose bits are all in `data`, in map
 * order, taking each one's bits out so overlapping features are named once.
 */
export function dataToFeatures(cpu: CpuDef, policy: FeaturePolicy, data: X86Data): void {
  for (const feature of x86Map().features) {
    if (!isSubsetData(data, feature.data)) continue;
    subtractData(data, feature.data);
    addFeature(cpu, feature.name, policy, 'exclusive');
  }
}

/** x86DataToVendor: the vendor whose string is in the data, taking its bits out. */
function dataToVendor(data: X86Data): X86Vendor | undefined {
  for (const vendor of x86Map().vendors) {
    if (isSubsetData(data, vendor.data)) {
      subtractData(data, vendor.data);
      return vendor;
    }
  }
  return undefined;
}

/** virCPUx86DisableRemovedFeatures */
export function disableRemovedFeatures(cpu: CpuDef, model: X86Model): void {
  for (const name of model.removed) addFeature(cpu, name, 'disable', 'if-missing');
}

/** x86DataToCPU for a guest CPU: the model plus required extras and disabled leftovers. */
function dataToGuestCpu(data: X86Data, model: X86Model): CpuDef {
  const cpu: CpuDef = { type: 'guest', fallback: 'allow', model: model.name, features: [] };
  const extra = copyData(data);
  const missing = copyData(model.data);
  subtractData(extra, missing);
  subtractData(missing, data);
  dataToFeatures(cpu, 'require', extra);
  dataToFeatures(cpu, 'disable', missing);
  disableRemovedFeatures(cpu, model);
  return cpu;
}

/**
 * Disabled features cost more the more of them there are (libvirt's BASE_PENALTY of 2).
 * As in libvirt, the scan stops at the shrinking count of enabled features, so disabled
 * features listed late (they follow the required ones) may go uncounted.
 */
function weigh(cpu: CpuDef): { total: number; disabled: number } {
  let enabled = cpu.features.length;
  let disabled = 0;
  let penalty = 2;
  for (let i = 0; i < enabled; i++) {
    if (cpu.features[i].policy !== 'disable') continue;
    enabled--;
    disabled += penalty++;
  }
  return { total: enabled + disabled, disabled };
}

/** virCPUx86CompareCandidateFeatureList for guest CPUs: whether the candidate fits better. */
export function candidateIsBetter(current: CpuDef, candidate: CpuDef, isPreferred: boolean): boolean {
  const cur = weigh(current);
  const cand = weigh(candidate);
  if (cand.total < cur.total || (cand.total === cur.total && cand.disabled < cur.disabled)) return true;
  return isPreferred && cand.disabled < cur.disabled;
}

/**
 * x86Decode for a guest CPU with no hypervisor model list: the CPU model (newest first)
 * that describes the data with the fewest extra and disabled features, or the preferred
 * model when exactly one is preferred. The data carries no CPUID signature here (no map
 * feature sets leaf 1 EAX), so signature matching and the broken-TSX filter never apply.
 */
export function decodeGuest(cpu: CpuDef, input: X86Data, preferred: readonly string[]): void {
  const data = copyData(input);
  const vendor = dataToVendor(data);
  let best: CpuDef | undefined;
  const models = x86Map().models;
  for (let i = models.length - 1; i >= 0; i--) {
    const candidate = models[i];
    if (vendor && candidate.vendor && vendor !== candidate.vendor) continue;
    const cpuCandidate = dataToGuestCpu(data, candidate);
    if (!candidate.decodeGuest) continue;
    const isPreferred = preferred.includes(candidate.name);
    if (isPreferred && preferred.length === 1) {
      best = cpuCandidate;
      break;
    }
    if (!best || candidateIsBetter(best, cpuCandidate, isPreferred)) best = cpuCandidate;
  }
  if (!best) throw virErr('INTERNAL_ERROR', 'Cannot find suitable CPU model for given data', 'CPU');
  cpu.vendor = vendor?.name;
  cpu.model = best.model;
  cpu.features = best.features;
}
