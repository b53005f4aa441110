import type { JsonProps } from './argv.js';
import type { DeviceInfo, DomainDef } from '../../../xml/domain/index.js';
import { attr, devicesOf, hex } from './util.js';
import { controllerAlias } from './alias.js';
import { qemuError } from './errors.js';

/** The alias of the PCI controller whose index is `bus` (qemuBuildDeviceAddressPCIGetBus). */
function pciBus(def: DomainDef, bus: number): string {
  const c = devicesOf(def, 'controller').find((d) => attr(d.el, 'type') === 'pci' && Number(attr(d.el, 'index')) === bus);
  if (!c) throw qemuError('INTERNAL_ERROR', `Could not find PCI controller with index '${bus}' required for device at address '0000:${bus.toString(16).padStart(2, '0')}:00.0'`);
  return controllerAlias(def, c);
}

/** Bus properties of a device's address (qemuBuildDeviceAddressProps), in libvirt's order. */
export function addressProps(def: DomainDef, info: DeviceInfo): JsonProps {
  const a = info.address;
  if (a?.type === 'pci') {
    return {
      bus: pciBus(def, a.bus),
      multifunction: a.multifunction === undefined ? undefined : a.multifunction === 'on',
      addr: a.function ? `${hex(a.slot)}.${hex(a.function)}` : hex(a.slot),
      'acpi-index': info.acpiIndex || undefined,
    };
  }
  if (a?.type === 'usb') {
    const c = devicesOf(def, 'controller').find((d) => attr(d.el, 'type') === 'usb' && Number(attr(d.el, 'index')) === a.bus);
    if (!c) throw qemuError('INTERNAL_ERROR', `Could not find USB controller with index '${a.bus}'`);
    return { bus: `${controllerAlias(def, c)}.0`, port: a.port };
  }
  if (a?.type === 'isa') return { iobase: a.iobase ? hex(a.iobase) : undefined, irq: a.irq ? hex(a.irq) : undefined };
  return {};
}
