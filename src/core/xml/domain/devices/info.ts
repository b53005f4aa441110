import type { XNode } from '../../tree.js';
import { child } from '../../tree.js';
import { addressElem, parseAddress } from '../address.js';
import { canon, elem, type Elem } from '../elem.js';
import { propUInt } from '../numbers.js';
import type { DeviceInfo } from '../types.js';

/** Element names that belong to the device info rather than to the device body. */
export const INFO_ELEMENTS = new Set(['boot', 'alias', 'master', 'rom', 'acpi', 'address']);

const USER_ALIAS = /^ua-[A-Za-z0-9_-]*$/;

export interface InfoParseOptions {
  allowBoot: boolean;
  allowRom: boolean;
  /** Parsing a persistent definition: only user aliases (ua-…) are kept. */
  inactive: boolean;
}

/** virDomainDeviceInfoParseXML. */
export function parseDeviceInfo(n: XNode, opts: InfoParseOptions): DeviceInfo {
  const info: DeviceInfo = {};
  const alias = child(n, 'alias')?.attrs.name;
  if (alias !== undefined && (!opts.inactive || USER_ALIAS.test(alias))) info.alias = alias;
  const master = child(n, 'master');
  if (master) info.master = canon(master, { attrs: ['startport'] });
  const boot = child(n, 'boot');
  if (opts.allowBoot && boot) {
    info.bootOrder = propUInt(boot, 'order', 10, { required: true, nonzero: true });
    info.loadparm = boot.attrs.loadparm;
  }
  const rom = child(n, 'rom');
  if (opts.allowRom && rom) info.rom = canon(rom, { attrs: ['enabled', 'bar', 'file'] });
  const acpi = child(n, 'acpi');
  if (acpi) info.acpiIndex = propUInt(acpi, 'index', 10, { nonzero: true });
  const address = child(n, 'address');
  if (address) info.address = parseAddress(address);
  return info;
}

/** virDomainDeviceInfoFormat's elements, in order. */
export function deviceInfoElems(info: DeviceInfo, allowBoot: boolean): Elem[] {
  const out: Elem[] = [];
  if (allowBoot && info.bootOrder) out.push(elem('boot', [['order', info.bootOrder], ['loadparm', info.loadparm]]));
  if (info.alias) out.push(elem('alias', [['name', info.alias]]));
  if (info.master) out.push(info.master);
  if (info.rom) out.push(info.rom);
  if (info.acpiIndex) out.push(elem('acpi', [['index', info.acpiIndex]]));
  if (info.address) out.push(addressElem(info.address));
  return out;
}
