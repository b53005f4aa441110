import { attr, sub } from './elem.js';
import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { diskBus, diskDst } from './devices/disk.js';
import { virErr } from '../../errors.js';
import type { DeviceDef, DomainDef } from './types.js';

/** Per-device checks of virDomainDeviceDefValidate that apply to the test driver. */
const DEVICE_CHECKS: Partial<Record<DeviceDef['kind'], (d: DeviceDef, def: DomainDef) => void>> = {
  disk(d) {
    const src = sub(d.el, 'source');
    if (!attr(sub(d.el, 'target'), 'dev')) {
      if (attr(src, 'pool') !== undefined) throw virErr('NO_TARGET', `pool = '${attr(src, 'pool')}', volume = '${attr(src, 'volume')}'`);
      throw virErr('NO_TARGET', diskSource(d));
    }
    const type = attr(d.el, 'type');
    const device = attr(d.el, 'device');
    if (device === 'lun') {
      if (type === 'network' && attr(src, 'protocol') !== 'iscsi')
        throw unsupportedConfig(`disk device='lun' is not supported for protocol='${attr(src, 'protocol')}'`);
      if (type !== 'network' && type !== 'block' && type !== 'volume') throw unsupportedConfig("disk device='lun' is only valid for block type disk source");
    }
    if (attr(d.el, 'sgio') === 'unfiltered') throw unsupportedConfig('unfiltered sgio is no longer supported');
    const bus = diskBus(d);
    if (device === 'floppy' && bus !== 'fdc') throw internalError(`Invalid bus type '${bus}' for floppy disk`);
    if (device !== 'floppy' && bus === 'fdc') throw internalError(`Invalid bus type '${bus}' for disk`);
  },
  filesystem(d) {
    if (!attr(sub(d.el, 'target'), 'dir')) {
      const src = sub(d.el, 'source');
      throw virErr('NO_TARGET', ['dir', 'file', 'dev', 'name', 'socket'].map((k) => attr(src, k)).find((v) => v !== undefined));
    }
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
  checkDuplicateDiskTargets(def);
}

/** virDomainDiskGetSource: the path-like source of a disk, undefined when it has none. */
function diskSource(d: DeviceDef): string | undefined {
  const src = sub(d.el, 'source');
  return ['file', 'dev', 'dir', 'name', 'volume', 'path'].map((k) => attr(src, k)).find((v) => v !== undefined);
}

/** virDomainDefDuplicateDiskInfoValidate: no two disks share a target name. */
function checkDuplicateDiskTargets(def: DomainDef): void {
  const disks = def.devices.filter((d) => d.kind === 'disk');
  for (let i = 0; i < disks.length; i++)
    for (let j = i + 1; j < disks.length; j++)
      if (diskDst(disks[i]) === diskDst(disks[j]))
        throw xmlError(`target '${diskDst(disks[i])}' duplicated for disk sources '${diskSource(disks[i]) ?? '<null>'}' and '${diskSource(disks[j]) ?? '<null>'}'`);
}
