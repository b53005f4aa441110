import { attr } from './elem.js';
import { unsupportedConfig } from './errors.js';
import { virErr } from '../../errors.js';
import type { DeviceDef, DomainDef } from './types.js';

/** Per-device checks of virDomainDeviceDefValidate that apply to the test driver. */
const DEVICE_CHECKS: Partial<Record<DeviceDef['kind'], (d: DeviceDef, def: DomainDef) => void>> = {
  disk(d) {
    if (attr(d.el, 'sgio') === 'unfiltered') throw unsupportedConfig('unfiltered sgio is no longer supported');
  },
  memory(_d, def) {
    const cells = def.cpu?.children.find((c) => c.name === 'numa')?.children.filter((c) => c.name === 'cell') ?? [];
    if (cells.length === 0) throw virErr('XML_DETAIL', "can't add memory backend as guest has no NUMA nodes configured", 'DOMAIN');
  },
  redirdev(d, def) {
    if ((attr(d.el, 'bus') ?? 'usb') === 'usb' && !hasUSB(def)) throw unsupportedConfig('cannot add redirected USB device: USB is disabled for this domain');
  },
};

function hasUSB(def: DomainDef): boolean {
  return def.devices.some((c) => c.kind === 'controller' && attr(c.el, 'type') === 'usb' && attr(c.el, 'model') !== 'none');
}

/** virDomainDefValidate: checks made after post-parse. */
export function validateDomain(def: DomainDef): void {
  for (const d of def.devices) DEVICE_CHECKS[d.kind]?.(d, def);
}
