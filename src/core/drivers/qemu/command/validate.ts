import type { DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import { validateCpu } from './cpu.js';
import { attr } from './util.js';
import { qemuError } from './errors.js';

/** qemuValidateDomainDefClockTimers: timers QEMU cannot honour. */
function validateTimers(def: DomainDef): void {
  for (const t of def.clock.timers) {
    const name = attr(t, 'name');
    const policy = attr(t, 'tickpolicy');
    if (name === 'platform') throw qemuError('CONFIG_UNSUPPORTED', `unsupported timer type (name) '${name}'`);
    if (name === 'rtc') {
      if (attr(t, 'track') === 'boot') throw qemuError('CONFIG_UNSUPPORTED', "unsupported rtc timer track 'boot'");
      if (policy === 'merge' || policy === 'discard') throw qemuError('CONFIG_UNSUPPORTED', `unsupported rtc timer tickpolicy '${policy}'`);
    }
    if (name === 'pit' && policy === 'merge') throw qemuError('CONFIG_UNSUPPORTED', "unsupported pit tickpolicy 'merge'");
  }
}

const pciString = (a: { domain: number; bus: number; slot: number; function: number }) =>
  `${a.domain.toString(16).padStart(4, '0')}:${a.bus.toString(16).padStart(2, '0')}:${a.slot.toString(16).padStart(2, '0')}.${a.function.toString(16)}`;

/** qemuDomainCollectPCIAddress: no two devices on one PCI function. */
function validatePciAddresses(def: DomainDef): void {
  const seen = new Set<string>();
  for (const d of def.devices) {
    const a = d.info.address;
    if (a?.type !== 'pci') continue;
    const key = pciString(a);
    if (seen.has(key)) throw virErr('XML_ERROR', `Attempted double use of PCI Address ${key}`, 'QEMU');
    seen.add(key);
  }
}

/** The checks libvirt's QEMU driver makes before it builds a command line. */
export function validateForCommandLine(def: DomainDef): void {
  validateCpu(def);
  validateTimers(def);
  validatePciAddresses(def);
}
