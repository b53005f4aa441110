import type { XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { hex, propEnum, propUInt, TRISTATE_SWITCH } from './numbers.js';

/** A device address, normalised to the numbers libvirt stores. */
export type Address =
  | { type: 'pci'; domain: number; bus: number; slot: number; function: number; multifunction?: string; zpci?: Elem }
  | { type: 'drive'; controller: number; bus: number; target: number; unit: number }
  | { type: 'virtio-serial'; controller: number; bus: number; port: number }
  | { type: 'ccid'; controller: number; slot: number }
  | { type: 'usb'; bus: number; port?: string }
  | { type: 'spapr-vio'; reg?: string }
  | { type: 'ccw'; cssid: number; ssid: number; devno: number }
  | { type: 'virtio-mmio' }
  | { type: 'isa'; iobase?: number; irq?: number }
  | { type: 'dimm'; slot: number; base?: string }
  | { type: 'unassigned' };

export const ADDRESS_TYPES = ['none', 'pci', 'drive', 'virtio-serial', 'ccid', 'usb', 'spapr-vio', 'virtio-s390', 'ccw', 'virtio-mmio', 'isa', 'dimm', 'unassigned'] as const;

const u = (n: XNode, name: string, base: 0 | 10 | 16 = 10) => propUInt(n, name, base) ?? 0;

/** virDomainDeviceAddressParseXML. */
export function parseAddress(n: XNode): Address | undefined {
  const type = n.attrs.type;
  if (type === undefined) throw internalError('No type specified for device address');
  const idx = ADDRESS_TYPES.indexOf(type as (typeof ADDRESS_TYPES)[number]);
  if (idx <= 0) throw unsupportedConfig(`unknown address type '${type}'`);
  switch (type) {
    case 'pci': {
      const a = { type: 'pci' as const, domain: u(n, 'domain', 0), bus: u(n, 'bus', 0), slot: u(n, 'slot', 0), function: u(n, 'function', 0) };
      const multi = propEnum(n, 'multifunction', TRISTATE_SWITCH, { nonzero: true });
      if (a.domain || a.bus || a.slot) {
        if (a.bus > 0xff) throw xmlError(`Invalid PCI address bus='0x${a.bus.toString(16)}', must be <= 0xFF`);
        if (a.slot > 0x1f) throw xmlError(`Invalid PCI address slot='0x${a.slot.toString(16)}', must be <= 0x1F`);
        if (a.function > 7) throw xmlError(`Invalid PCI address function=0x${a.function.toString(16)}, must be <= 7`);
      }
      return { ...a, multifunction: multi };
    }
    case 'drive':
      return { type: 'drive', controller: u(n, 'controller'), bus: u(n, 'bus'), target: u(n, 'target'), unit: u(n, 'unit') };
    case 'virtio-serial':
      return { type: 'virtio-serial', controller: u(n, 'controller'), bus: u(n, 'bus'), port: u(n, 'port') };
    case 'ccid':
      return { type: 'ccid', controller: u(n, 'controller'), slot: u(n, 'slot') };
    case 'usb':
      return { type: 'usb', bus: u(n, 'bus'), port: n.attrs.port };
    case 'spapr-vio':
      return { type: 'spapr-vio', reg: spaprReg(n) };
    case 'ccw':
      return { type: 'ccw', cssid: u(n, 'cssid', 16), ssid: u(n, 'ssid', 16), devno: u(n, 'devno', 16) };
    case 'virtio-mmio':
      return { type: 'virtio-mmio' };
    case 'isa':
      return { type: 'isa', iobase: propUInt(n, 'iobase', 16), irq: propUInt(n, 'irq', 16) };
    case 'dimm':
      return { type: 'dimm', slot: u(n, 'slot'), base: n.attrs.base };
    case 'virtio-s390':
      throw xmlError("virtio-s390 bus doesn't have an address");
    default:
      return { type: 'unassigned' };
  }
}

/** The `<address …/>` element as virDomainDeviceInfoFormat writes it. */
export function addressElem(a: Address): Elem {
  switch (a.type) {
    case 'pci': {
      const empty = !(a.domain || a.bus || a.slot);
      const attrs: Array<[string, string | number | undefined]> = [['type', 'pci']];
      if (!empty) attrs.push(['domain', hex(a.domain, 4)], ['bus', hex(a.bus, 2)], ['slot', hex(a.slot, 2)], ['function', `0x${a.function}`]);
      attrs.push(['multifunction', a.multifunction]);
      return elem('address', attrs, a.zpci ? [a.zpci] : []);
    }
    case 'drive':
      return elem('address', [['type', 'drive'], ['controller', a.controller], ['bus', a.bus], ['target', a.target], ['unit', a.unit]]);
    case 'virtio-serial':
      return elem('address', [['type', 'virtio-serial'], ['controller', a.controller], ['bus', a.bus], ['port', a.port]]);
    case 'ccid':
      return elem('address', [['type', 'ccid'], ['controller', a.controller], ['slot', a.slot]]);
    case 'usb':
      return elem('address', [['type', 'usb'], ['bus', a.bus], ['port', a.port]]);
    case 'spapr-vio':
      return elem('address', [['type', 'spapr-vio'], ['reg', a.reg]]);
    case 'ccw':
      return elem('address', [['type', 'ccw'], ['cssid', `0x${a.cssid.toString(16)}`], ['ssid', `0x${a.ssid.toString(16)}`], ['devno', hex(a.devno, 4)]]);
    case 'isa':
      return elem('address', [['type', 'isa'], ['iobase', a.iobase ? `0x${a.iobase.toString(16)}` : undefined], ['irq', a.irq ? `0x${a.irq.toString(16)}` : undefined]]);
    case 'dimm':
      return elem('address', [['type', 'dimm'], ['slot', a.slot], ['base', a.base]]);
    default:
      return elem('address', [['type', a.type]]);
  }
}

export function sameAddress(a: Address | undefined, b: Address | undefined): boolean {
  if (!a || !b) return false;
  return JSON.stringify(addressElem(a)) === JSON.stringify(addressElem(b));
}

/** virXMLPropULongLong(reg, base 16), kept as libvirt writes it back: 0x%08llx. */
function spaprReg(n: XNode): string | undefined {
  const raw = n.attrs.reg;
  if (raw === undefined) return undefined;
  const m = /^[ \t\n\v\f\r]*\+?(?:0[xX])?([0-9a-fA-F]+)$/.exec(raw);
  const v = m ? BigInt(`0x${m[1]}`) : undefined;
  if (v === undefined || v > 0xffffffffffffffffn)
    throw xmlError(`Invalid value for attribute 'reg' in element 'address': '${raw}'. Expected non-negative integer value`);
  return `0x${v.toString(16).padStart(8, '0')}`;
}
