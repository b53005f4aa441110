import type { DomainDef } from '../../../xml/domain/index.js';
import { collectPciAddresses } from '../defaults/pci-collect.js';
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

/** The checks libvirt's QEMU driver makes before it builds a command line. */
export function validateForCommandLine(def: DomainDef): void {
  validateCpu(def);
  validateTimers(def);
  collectPciAddresses(def);
}
