import { virErr } from '../errors.js';
import type { CpuDef } from './cpu-def.js';
import { addData, addItem, copyData, intersectData, isEmptyData, subtractData, type X86Data } from './x86-bits.js';
import { dataToFeatures, decodeGuest, disableRemovedFeatures } from './x86-decode.js';
import { findX86Feature, findX86Model, findX86Vendor, type X86Model, type X86Vendor } from './x86-map.js';

const failed = (msg: string) => virErr('OPERATION_FAILED', msg, 'CPU');

/** x86ModelFromCPU with every policy: the model's bits plus the host CPU's features. */
function modelFromHostCpu(cpu: CpuDef): X86Model {
  const model = findX86Model(cpu.model!);
  if (!model) throw virErr('INTERNAL_ERROR', `Unknown CPU model ${cpu.model}`, 'CPU');
  const data: X86Data = copyData(model.data);
  for (const f of cpu.features) {
    const feature = findX86Feature(f.name);
    if (!feature) throw virErr('INTERNAL_ERROR', `Unknown CPU feature ${f.name}`, 'CPU');
    if (f.policy === 'disable' || f.policy === 'forbid') subtractData(data, feature.data);
    else if (f.policy !== 'optional') addData(data, feature.data);
  }
  return { ...model, data };
}

/**
 * virCPUx86Baseline: the newest model (with extra features) that every host CPU can run.
 * Vendors must agree; the vendor is printed only when every CPU names it.
 */
export function x86Baseline(cpus: readonly CpuDef[]): CpuDef {
  const base = modelFromHostCpu(cpus[0]);
  let vendor: X86Vendor | undefined;
  let outputVendor = true;
  if (!cpus[0].vendor) outputVendor = false;
  else if (!(vendor = findX86Vendor(cpus[0].vendor))) throw failed(`Unknown CPU vendor ${cpus[0].vendor}`);
  const names = [cpus[0].model!];
  for (const cpu of cpus.slice(1)) {
    if (!names.includes(cpu.model!)) names.push(cpu.model!);
    const model = modelFromHostCpu(cpu);
    if (cpu.vendor && model.vendor && cpu.vendor !== model.vendor.name) {
      throw failed(`CPU vendor ${model.vendor.name} of model ${model.name} differs from vendor ${cpu.vendor}`);
    }
    let vn = cpu.vendor;
    if (!vn) {
      outputVendor = false;
      vn = model.vendor?.name;
    }
    if (vn) {
      if (!vendor) {
        if (!(vendor = findX86Vendor(vn))) throw failed(`Unknown CPU vendor ${vn}`);
      } else if (vendor.name !== vn) {
        throw failed('CPU vendors do not match');
      }
    }
    intersectData(base.data, model.data);
  }
  if (isEmptyData(base.data)) throw failed('CPUs are incompatible');
  if (vendor) for (const [key, regs] of vendor.data) addItem(base.data, key, regs);
  const result: CpuDef = { type: 'guest', match: 'exact', fallback: 'allow', features: [] };
  decodeGuest(result, base.data, names);
  if (names.length === 1 && result.model === names[0]) result.fallback = 'forbid';
  if (!outputVendor) result.vendor = undefined;
  return result;
}

/**
 * virCPUx86ExpandFeatures for a guest CPU: every feature of its model listed as required,
 * its own required/disabled features applied on top, removed model features disabled.
 */
export function x86ExpandFeatures(cpu: CpuDef): void {
  const model = findX86Model(cpu.model ?? '');
  if (!model) throw virErr('INTERNAL_ERROR', `unknown CPU model ${cpu.model}`, 'CPU');
  const expanded: CpuDef = { ...cpu, features: [] };
  const host = cpu.type === 'host';
  dataToFeatures(expanded, 'require', copyData(model.data));
  for (const f of cpu.features) {
    if (!host && f.policy !== 'require' && f.policy !== 'disable') continue;
    const existing = expanded.features.find((g) => g.name === f.name);
    if (existing) existing.policy = f.policy;
    else expanded.features.push({ ...f });
  }
  if (!host) disableRemovedFeatures(expanded, model);
  cpu.features = expanded.features;
}
