import { X86_FEATURES, X86_MODELS, X86_VENDORS } from './x86-data.js';
import { addData, dataFromItems, type X86Data } from './x86-bits.js';

export interface X86Vendor {
  name: string;
  /** The vendor string as CPUID leaf 0 (ebx, edx, ecx hold its three 4-byte chunks). */
  data: X86Data;
}

export interface X86Feature {
  name: string;
  migratable: boolean;
  data: X86Data;
}

export interface X86Model {
  name: string;
  decodeHost: boolean;
  decodeGuest: boolean;
  vendor?: X86Vendor;
  /** The union of the model's features. */
  data: X86Data;
  /** Features newer QEMU dropped from the model, which guest CPUs must list as disabled. */
  removed: string[];
  /** CPUID signatures the model stands for (steppings: undefined = any). */
  signatures: X86Signature[];
}

export interface X86Signature {
  family: number;
  model: number;
  steppings?: Set<number>;
}

/** 'family,model[,steppings]' with steppings a list of numbers and ranges (5-7,10). */
function parseSignature(text: string): X86Signature {
  const [family, model, ...steps] = text.split(',');
  if (!steps.length) return { family: Number(family), model: Number(model) };
  const steppings = new Set<number>();
  for (const part of steps.join(',').split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) steppings.add(i);
  }
  return { family: Number(family), model: Number(model), steppings };
}

/** virCPUx86Map: vendors, features and models in the CPU map's load order. */
export interface X86Map {
  vendors: X86Vendor[];
  features: X86Feature[];
  models: X86Model[];
}

function vendorData(str: string): X86Data {
  const word = (i: number) => Buffer.from(str, 'latin1').readUInt32LE(i);
  // CPUID leaf 0 spells the vendor in ebx, edx, ecx order.
  return dataFromItems([[0, 0, 0, word(0), word(8), word(4)]]);
}

function build(): X86Map {
  const vendors = X86_VENDORS.map(([name, str]) => ({ name, data: vendorData(str) }));
  const features = X86_FEATURES.map(([name, migratable, items]) => ({ name, migratable, data: dataFromItems(items) }));
  const byName = new Map(features.map((f) => [f.name, f]));
  const models = X86_MODELS.map(([name, decode, vendor, feats, removed, sigs]) => {
    const data: X86Data = new Map();
    for (const f of feats.split(' ').filter(Boolean)) addData(data, byName.get(f)!.data);
    return {
      name,
      decodeHost: decode.includes('h'),
      decodeGuest: decode.includes('g'),
      vendor: vendors.find((v) => v.name === vendor),
      data,
      removed: removed.split(' ').filter(Boolean),
      signatures: sigs.split(' ').filter(Boolean).map(parseSignature),
    };
  });
  return { vendors, features, models };
}

let map: X86Map | undefined;

/** virCPUx86GetMap: built once, on first use. */
export function x86Map(): X86Map {
  return (map ??= build());
}

export const findX86Feature = (name: string) => x86Map().features.find((f) => f.name === name);
export const findX86Model = (name: string) => x86Map().models.find((m) => m.name === name);
export const findX86Vendor = (name: string) => x86Map().vendors.find((v) => v.name === name);
