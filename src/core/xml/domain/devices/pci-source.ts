import { attr, elem, sub, type Elem } from '../elem.js';
import { hex, parseUInt } from '../numbers.js';

/**
 * virPCIDeviceAddressFormat for a PCI host device's <source><address>: domain, bus, slot and
 * function in fixed hex widths, `type='pci'` only inside an <interface type='hostdev'>, and
 * nothing else (multifunction, zpci) kept. Values that do not parse are left for the checks.
 */
export function canonicalPciSource(source: Elem | undefined, withType: boolean): void {
  const a = sub(source, 'address');
  if (!source || !a) return;
  const v = (k: string) => parseUInt(attr(a, k) ?? '0', 0);
  const [domain, bus, slot, fn] = ['domain', 'bus', 'slot', 'function'].map(v);
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return;
  const out = elem('address', [
    ['type', withType ? 'pci' : undefined],
    ['domain', hex(domain, 4)],
    ['bus', hex(bus, 2)],
    ['slot', hex(slot, 2)],
    ['function', `0x${fn}`],
  ]);
  source.children = source.children.map((c) => (c === a ? out : c));
}
