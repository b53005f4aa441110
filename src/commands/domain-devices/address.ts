/** virsh's device address syntax for attach-disk/attach-interface (virshAddressParse). */
export type Address =
  | { type: 'pci'; domain: number; bus: number; slot: number; function: number; multifunction: boolean }
  | { type: 'ide' | 'scsi' | 'sata'; controller: number; bus: number; unit: bigint }
  | { type: 'ccw'; cssid: number; ssid: number; devno: number }
  | { type: 'usb'; bus: number; port: number };

/** virStrToLong_uip-style fields: `n` numbers in `base`, each followed by one separator. */
function fields(text: string, n: number, base: number): number[] | undefined {
  const digit = base === 16 ? '[0-9a-fA-F]' : '[0-9]';
  const prefix = base === 16 ? '(?:0[xX])?' : '';
  const re = new RegExp(`^\\s*\\+?(${prefix}${digit}+)`);
  const out: number[] = [];
  let rest = text;
  for (let i = 0; i < n; i++) {
    const m = re.exec(rest);
    if (!m) return undefined;
    const v = parseInt(m[1].replace(/^0[xX]/, ''), base);
    if (v > 0xffffffff) return undefined;
    out.push(v);
    rest = rest.slice(m[0].length);
    if (i < n - 1) {
      if (rest === '') return undefined;
      rest = rest.slice(1);
    }
  }
  return out;
}

export function parseAddress(text: string, multifunction: boolean): Address | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  switch (kind) {
    case 'pci': {
      const f = fields(rest, 4, 16);
      return f && { type: 'pci', domain: f[0], bus: f[1], slot: f[2], function: f[3], multifunction };
    }
    case 'ide':
    case 'scsi':
    case 'sata': {
      const f = fields(rest, 3, 10);
      return f && { type: kind, controller: f[0], bus: f[1], unit: BigInt(f[2]) };
    }
    case 'ccw': {
      const f = fields(rest, 3, 16);
      return f && { type: 'ccw', cssid: f[0], ssid: f[1], devno: f[2] };
    }
    case 'usb': {
      const f = fields(rest, 2, 10);
      return f && { type: 'usb', bus: f[0], port: f[1] };
    }
    default:
      return undefined;
  }
}

const hex = (v: number, w: number) => v.toString(16).padStart(w, '0');

/** virshAddressFormat, one line with its newline. */
export function formatAddress(a: Address): string {
  switch (a.type) {
    case 'pci':
      return `<address type='pci' domain='0x${hex(a.domain, 4)}' bus='0x${hex(a.bus, 2)}' slot='0x${hex(a.slot, 2)}' function='0x${hex(a.function, 1)}'${a.multifunction ? " multifunction='on'" : ''}/>\n`;
    case 'ccw':
      return `<address type='ccw' cssid='0x${hex(a.cssid, 2)}' ssid='0x${hex(a.ssid, 1)}' devno='0x${hex(a.devno, 4)}'/>\n`;
    case 'usb':
      return `<address type='usb' bus='${a.bus}' port='${a.port}'/>\n`;
    default:
      return `<address type='drive' controller='${a.controller}' bus='${a.bus}' unit='${a.unit}'/>\n`;
  }
}
