import type { DomainDef } from '../../../xml/domain/index.js';
import { ITERATE_ORDER } from '../../../xml/domain/validate.js';
import { virErr } from '../../../errors.js';

const pciString = (a: { domain: number; bus: number; slot: number; function: number }) =>
  `${a.domain.toString(16).padStart(4, '0')}:${a.bus.toString(16).padStart(2, '0')}:${a.slot.toString(16).padStart(2, '0')}.${a.function.toString(16)}`;

/**
 * qemuDomainCollectPCIAddress over virDomainDeviceInfoIterate's order: the addresses a
 * definition gives are reserved one by one, and a function taken twice is refused.
 */
export function collectPciAddresses(def: DomainDef): void {
  const seen = new Set<string>();
  for (const kind of ITERATE_ORDER) {
    for (const d of def.devices) {
      const a = d.info.address;
      if (d.kind !== kind || a?.type !== 'pci') continue;
      const key = pciString(a);
      if (seen.has(key)) throw virErr('XML_ERROR', `Attempted double use of PCI Address ${key}`, 'QEMU');
      seen.add(key);
    }
  }
}
