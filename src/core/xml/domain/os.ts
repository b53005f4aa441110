import { isKnownArch } from '../../arch.js';
import { child, children, type XNode } from '../tree.js';
import { canon } from './elem.js';
import { unsupportedConfig, xmlError } from './errors.js';
import { propEnum, propInt, propUInt, TRISTATE_BOOL } from './numbers.js';
import { DOMAIN_SPECS } from './specs.js';
import type { OsDef } from './types.js';

export const OS_TYPES = ['hvm', 'xen', 'linux', 'exe', 'uml', 'xenpvh'];
const BOOT_DEVS = ['fd', 'cdrom', 'hd', 'network'] as const;
/** The test driver's default guest architecture (its capabilities' first guest). */
export const DEFAULT_ARCH = 'i686';

const str = (n: XNode | undefined): string | undefined => (n && n.text !== '' ? n.text : undefined);

/** virDomainDefParseCaps' part about `<os><type>`: OS type, architecture, machine. */
export function parseOsCaps(root: XNode): OsDef {
  const typeNode = child(child(root, 'os'), 'type');
  const ostype = str(typeNode);
  let type: string;
  if (ostype === undefined) {
    if (child(root, 'bootloader')) type = 'xen';
    else throw xmlError('an os <type> must be specified');
  } else if (!OS_TYPES.includes(ostype)) throw unsupportedConfig(`unknown OS type '${ostype}'`);
  else type = ostype === 'linux' && root.attrs.type === 'xen' ? 'xen' : ostype;
  const arch = typeNode?.attrs.arch;
  if (arch !== undefined && !isKnownArch(arch)) throw unsupportedConfig(`Unknown architecture ${arch}`);
  return {
    type,
    arch: arch || DEFAULT_ARCH,
    machine: typeNode?.attrs.machine,
    initargs: [],
    initenv: [],
    bootDevs: [],
  };
}

/** virDomainDefParseBootOptions: what `<os>` holds beyond its type, per OS type. */
export function parseOsBoot(root: XNode, os: OsDef): void {
  const osNode = child(root, 'os');
  const kernelOpts = () => {
    os.kernel = str(child(osNode, 'kernel'));
    os.initrd = str(child(osNode, 'initrd'));
    os.cmdline = str(child(osNode, 'cmdline'));
    os.dtb = str(child(osNode, 'dtb'));
    os.root = str(child(osNode, 'root'));
  };
  const loaderOpts = () => {
    const loader = child(osNode, 'loader');
    if (loader) os.loader = canon(loader, DOMAIN_SPECS.loader);
    const nvram = child(osNode, 'nvram');
    if (nvram) os.nvram = canon(nvram, DOMAIN_SPECS.nvram);
  };
  if (os.type === 'hvm') {
    kernelOpts();
    const fw = osNode?.attrs.firmware;
    if (fw !== undefined) {
      if (fw !== 'bios' && fw !== 'efi') throw xmlError(`Invalid value for attribute 'firmware' in element 'os': '${fw}'.`);
      os.firmware = fw;
    }
    const fwNode = child(osNode, 'firmware');
    if (fwNode) os.firmwareFeatures = canon(fwNode, DOMAIN_SPECS.firmware);
    loaderOpts();
    const table = child(child(osNode, 'acpi'), 'table');
    if (table) os.acpiTable = str(table);
    for (const b of children(osNode, 'boot').slice(0, BOOT_DEVS.length)) os.bootDevs.push(propEnum(b, 'dev', BOOT_DEVS, { required: true })!);
    const bootmenu = child(osNode, 'bootmenu');
    if (bootmenu) {
      const enable = propEnum(bootmenu, 'enable', TRISTATE_BOOL, { nonzero: true });
      if (enable) os.bootmenu = { enable, timeout: enable === 'yes' ? propUInt(bootmenu, 'timeout', 10) : undefined };
    }
    const bios = child(osNode, 'bios');
    if (bios) {
      const useserial = bios.attrs.useserial;
      os.bios = {
        useserial: useserial === undefined ? undefined : useserial === 'yes' || useserial === 'no' ? useserial : 'no',
        rebootTimeout: propInt(bios, 'rebootTimeout'),
      };
    }
  } else if (os.type === 'xen' || os.type === 'xenpvh' || os.type === 'uml') {
    kernelOpts();
    loaderOpts();
  } else if (os.type === 'exe') {
    os.init = str(child(osNode, 'init'));
    for (const a of children(osNode, 'initarg')) {
      if (a.text === '') throw xmlError('No data supplied for <initarg> element');
      os.initargs.push(a.text);
    }
    for (const e of children(osNode, 'initenv')) os.initenv.push([e.attrs.name ?? '', e.text]);
    os.initdir = str(child(osNode, 'initdir'));
    os.inituser = str(child(osNode, 'inituser'));
    os.initgroup = str(child(osNode, 'initgroup'));
  }
  const smbios = child(osNode, 'smbios');
  if (smbios) os.smbiosMode = smbios.attrs.mode;
}
