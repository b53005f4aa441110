import type { CpuDef } from '../../../cpu/cpu-def.js';
import { addData, addItem, copyData, isSubsetData, subtractData, type X86Data } from '../../../cpu/x86-bits.js';
import { candidateIsBetter, dataToFeatures, disableRemovedFeatures } from '../../../cpu/x86-decode.js';
import { findX86Feature, x86Map, type X86Model, type X86Signature, type X86Vendor } from '../../../cpu/x86-map.js';
import { featureFromQemu, type HostCpuExpansion, type ProbedCpuModel } from './probe.js';

const LEAF1 = 'cpuid:1:0';
/** The signature bits of CPUID leaf 1 EAX (reserved bits masked out). */
const SIGNATURE_MASK = 0x0fff3fff;

/** x86MakeSignature: family/model/stepping as CPUID leaf 1 EAX. */
function makeSignature(family: number, model: number, stepping: number): number {
  let sig = 0;
  if (family > 0xf) {
    sig |= (family - 0xf) << 20;
    family = 0xf;
  }
  sig |= (model >> 4) << 16;
  sig |= family << 8;
  sig |= (model & 0xf) << 4;
  sig |= stepping & 0xf;
  return sig >>> 0;
}

function splitSignature(sig: number): { family: number; model: number; stepping: number } {
  return { family: ((sig >> 20) & 0xff) + ((sig >> 8) & 0xf), model: ((sig >> 12) & 0xf0) + ((sig >> 4) & 0xf), stepping: sig & 0xf };
}

function signaturesMatch(sigs: readonly X86Signature[], signature: number): boolean {
  const { family, model, stepping } = splitSignature(signature);
  return sigs.some((s) => s.family === family && s.model === model && (!s.steppings || s.steppings.has(stepping)));
}

/**
 * virQEMUCapsGetCPUModelX86Data for the reported host model: the features QEMU turns on
 * (migratable or not), its vendor string and its signature.
 */
function expansionData(exp: HostCpuExpansion): X86Data {
  const data: X86Data = new Map();
  const props = { ...exp.migratable };
  // A feature only the non-migratable expansion enables is still the host's.
  for (const [name, value] of Object.entries(exp.all)) {
    if (typeof props[name] === 'boolean' && typeof value === 'boolean' && !props[name] && value) props[name] = true;
  }
  let family = 0;
  let model = 0;
  let stepping = 0;
  for (const [qemuName, value] of Object.entries(props)) {
    const name = featureFromQemu(qemuName);
    if (value === true) {
      const f = findX86Feature(name);
      if (f) addData(data, f.data);
    } else if (typeof value === 'string' && name === 'vendor') {
      addData(data, vendorBits(value));
    } else if (typeof value === 'number') {
      if (name === 'family') family = value;
      else if (name === 'model') model = value;
      else if (name === 'stepping') stepping = value;
    }
  }
  addItem(data, LEAF1, [makeSignature(family, model, stepping), 0, 0, 0]);
  return data;
}

/** virCPUx86DataSetVendor: the 12-character vendor string in CPUID leaf 0 (ebx, edx, ecx). */
function vendorBits(str: string): X86Data {
  const b = Buffer.alloc(12);
  b.write(str, 'latin1');
  return new Map([['cpuid:0:0', [0, b.readUInt32LE(0), b.readUInt32LE(8), b.readUInt32LE(4)]]]);
}

function dataToVendor(data: X86Data): X86Vendor | undefined {
  const vendor = x86Map().vendors.find((v) => isSubsetData(data, v.data));
  if (vendor) subtractData(data, vendor.data);
  return vendor;
}

/** x86DataFilterTSX: Intel CPUs whose TSX is known broken do not offer hle and rtm. */
function filterTSX(data: X86Data, vendor: X86Vendor | undefined): void {
  if (vendor?.name !== 'Intel') return;
  const { family, model, stepping } = splitSignature(data.get(LEAF1)?.[0] ?? 0);
  if (family === 6 && ((model === 63 && stepping < 4) || model === 60 || model === 69 || model === 70)) {
    for (const n of ['hle', 'rtm']) {
      const f = findX86Feature(n);
      if (f) subtractData(data, f.data);
    }
  }
}

/** x86DataToCPU for a guest CPU with the hypervisor's view of the model (its blockers). */
function candidateCpu(data: X86Data, model: X86Model, hv: ProbedCpuModel): CpuDef {
  const cpu: CpuDef = { type: 'guest', fallback: 'forbid', model: model.name, features: [] };
  const extra = copyData(data);
  const missing = copyData(model.data);
  subtractData(extra, missing);
  subtractData(missing, data);
  // Features the hypervisor's model has but this host lacks block it: they are disabled.
  for (const name of hv.blockers) {
    const f = findX86Feature(name);
    if (f && !isSubsetData(extra, f.data)) addData(missing, f.data);
  }
  dataToFeatures(cpu, 'require', extra);
  dataToFeatures(cpu, 'disable', missing);
  disableRemovedFeatures(cpu, model);
  return cpu;
}

/**
 * virQEMUCapsInitHostCPUModel (the reported CPU): x86Decode of QEMU's host CPU expansion
 * against the CPU models the hypervisor offers, newest first.
 */
export function hostModelCpu(exp: HostCpuExpansion, hvModels: readonly ProbedCpuModel[]): CpuDef | undefined {
  const data = expansionData(exp);
  const vendor = dataToVendor(data);
  const signature = (data.get(LEAF1)?.[0] ?? 0) & SIGNATURE_MASK;
  filterTSX(data, vendor);
  const models = x86Map().models;
  let best: { model: X86Model; cpu: CpuDef } | undefined;
  for (let i = models.length - 1; i >= 0; i--) {
    const candidate = models[i];
    const hv = hvModels.find((m) => m.name === candidate.name);
    if (!hv) continue;
    if (vendor && candidate.vendor && vendor !== candidate.vendor) continue;
    const cpu = candidateCpu(data, candidate, hv);
    if (!candidate.decodeGuest) continue;
    if (!best) {
      best = { model: candidate, cpu };
      continue;
    }
    if (signature) {
      const cur = signaturesMatch(best.model.signatures, signature);
      const cand = signaturesMatch(candidate.signatures, signature);
      if (cur && !cand) continue;
      if (!cur && cand) {
        best = { model: candidate, cpu };
        continue;
      }
    }
    if (candidateIsBetter(best.cpu, cpu, false)) best = { model: candidate, cpu };
  }
  if (!best) return undefined;
  return { ...best.cpu, vendor: vendor?.name };
}
