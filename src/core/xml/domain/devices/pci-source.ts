import { child, type XNode } from '../../tree.js';
import { attr, elem, sub, type Elem } from '../elem.js';
import { xmlError } from '../errors.js';
import { hex, parseUInt, propEnum, propUInt, TRISTATE_SWITCH } from '../numbers.js';

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

/** virPCIDeviceAddressParseXML on a host device's <source><address>, with libvirt's messages. */
export function checkPciSource(source: XNode | undefined): void {
  const a = child(source, 'address');
  if (!a) return;
  const [domain, bus, slot, fn] = ['domain', 'bus', 'slot', 'function'].map((k) => propUInt(a, k, 0) ?? 0);
  propEnum(a, 'multifunction', TRISTATE_SWITCH, { nonzero: true });
  if (!(domain || bus || slot)) return;
  if (bus > 0xff) throw xmlError(`Invalid PCI address bus='0x${bus.toString(16)}', must be <= 0xFF`);
  if (slot > 0x1f) throw xmlError(`Invalid PCI address slot='0x${slot.toString(16)}', must be <= 0x1F`);
  if (fn > 7) throw xmlError(`Invalid PCI address function=0x${fn.toString(16)}, must be <= 7`);
}
