/**
 * x86 CPU data (virCPUx86Data): CPUID leaves and MSRs, each a set of 32-bit registers, and
 * the set operations libvirt's x86 CPU driver computes with. All-zero items count as absent.
 */
export type X86Data = Map<string, number[]>;

/** A generated map item: 6 numbers are CPUID [eax_in, ecx_in, eax, ebx, ecx, edx], 3 an MSR. */
export function dataFromItems(items: ReadonlyArray<readonly number[]>): X86Data {
  const data: X86Data = new Map();
  for (const item of items) {
    const [key, regs] =
      item.length === 6 ? [`cpuid:${item[0]}:${item[1]}`, item.slice(2)] : [`msr:${item[0]}`, item.slice(1)];
    addItem(data, key, regs);
  }
  return data;
}

export function copyData(data: X86Data): X86Data {
  return new Map([...data].map(([k, regs]) => [k, [...regs]]));
}

const isZero = (regs: readonly number[]) => regs.every((r) => r === 0);

/** virCPUx86DataAddItem: ORs into an existing item or adds a copy. */
export function addItem(data: X86Data, key: string, regs: readonly number[]): void {
  const existing = data.get(key);
  if (existing) regs.forEach((r, i) => (existing[i] = (existing[i] | r) >>> 0));
  else data.set(key, [...regs]);
}

/** x86DataAdd */
export function addData(to: X86Data, from: X86Data): void {
  for (const [key, regs] of from) if (!isZero(regs)) addItem(to, key, regs);
}

/** x86DataSubtract */
export function subtractData(from: X86Data, bits: X86Data): void {
  for (const [key, regs] of from) {
    const mask = bits.get(key);
    if (mask) regs.forEach((r, i) => (regs[i] = (r & ~mask[i]) >>> 0));
  }
}

/** x86DataIntersect */
export function intersectData(data: X86Data, other: X86Data): void {
  for (const [key, regs] of data) {
    const mask = other.get(key);
    regs.forEach((r, i) => (regs[i] = mask ? (r & mask[i]) >>> 0 : 0));
  }
}

/** x86DataIsEmpty */
export function isEmptyData(data: X86Data): boolean {
  return [...data.values()].every(isZero);
}

/** x86DataIsSubset: every bit of `subset` is set in `data`. */
export function isSubsetData(data: X86Data, subset: X86Data): boolean {
  for (const [key, mask] of subset) {
    if (isZero(mask)) continue;
    const regs = data.get(key);
    if (!regs || mask.some((m, i) => (regs[i] & m) >>> 0 !== m)) return false;
  }
  return true;
}
