import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, devicesOf } from './util.js';

/**
 * domxml-to-native replaces each interface by a new one without an address, so the driver
 * places it again: the lowest free slot after every other device has its place. On a PCI
 * root that is bus 0 from slot 2 (0 and 1 are the host bridge and PIIX3), then bridges; on
 * a PCIe root it is the first root port with nothing plugged in.
 */
export function reassignNetAddresses(def: DomainDef, nets: DeviceDef[]): void {
  const used = new Set<string>();
  for (const d of def.devices) {
    const a = d.info.address;
    if (a?.type === 'pci' && !nets.includes(d)) used.add(`${a.bus}:${a.slot}`);
  }
  const pcis = devicesOf(def, 'controller').filter((c) => attr(c.el, 'type') === 'pci');
  const rootModel = attr(pcis.find((c) => attr(c.el, 'index') === '0')?.el, 'model');
  const candidates: Array<[number, number]> = [];
  if (rootModel === 'pci-root') {
    for (let slot = 2; slot < 32; slot++) candidates.push([0, slot]);
    for (const c of pcis) {
      if (attr(c.el, 'model') !== 'pci-bridge') continue;
      for (let slot = 1; slot < 32; slot++) candidates.push([Number(attr(c.el, 'index')), slot]);
    }
  } else {
    for (const c of pcis) {
      if (attr(c.el, 'model') === 'pcie-root-port' || attr(c.el, 'model') === 'pcie-switch-downstream-port') candidates.push([Number(attr(c.el, 'index')), 0]);
    }
  }
  for (const n of nets) {
    const free = candidates.find(([bus, slot]) => !used.has(`${bus}:${slot}`));
    if (!free) continue;
    used.add(`${free[0]}:${free[1]}`);
    n.info.address = { type: 'pci', domain: 0, bus: free[0], slot: free[1], function: 0 };
  }
}
