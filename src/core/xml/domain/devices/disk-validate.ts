import { virErr } from '../../../errors.js';
import { attr, sub } from '../elem.js';
import { internalError, unsupportedConfig, xmlError } from '../errors.js';
import type { DeviceDef } from '../types.js';
import { diskBus } from './disk.js';

/**
 * virDomainDiskGetSource: the storage source's path. Volumes have none; RBD and Gluster
 * names are split into pool/volume and path at the first '/'.
 */
export function diskSource(d: DeviceDef): string | undefined {
  const src = sub(d.el, 'source');
  const type = attr(d.el, 'type');
  if (type === 'volume') return undefined;
  if (type === 'network') {
    const name = attr(src, 'name');
    const protocol = attr(src, 'protocol');
    if (name !== undefined && (protocol === 'rbd' || protocol === 'gluster') && name.includes('/')) {
      return name.slice(name.indexOf('/') + 1);
    }
    return name;
  }
  return ['file', 'dev', 'dir', 'path'].map((k) => attr(src, k)).find((v) => v !== undefined);
}

/** Pairs <iotune> may not set together: [total, read/write, how the error names them]. */
const IOTUNE_EXCLUSIVE: Array<[string, string]> = [
  ['bytes_sec', 'bytes_sec'],
  ['iops_sec', 'iops_sec'],
  ['bytes_sec_max', 'bytes_sec_max'],
  ['iops_sec_max', 'iops_sec_max'],
];

const VIRTIO_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'];
const PRINTABLE = /^[\x20-\x7e]*$/;
/** virStorageSourceIsLocalStorage's types (volumes are allowed any startup policy as well). */
const LOCAL_TYPES = ['file', 'block', 'dir'];

/** virStorageSourceIsEmpty: no medium (a local source without a path, or no source type). */
function sourceEmpty(d: DeviceDef): boolean {
  const type = attr(d.el, 'type');
  if (type === 'none') return true;
  if (type === 'network' && attr(sub(d.el, 'source'), 'protocol') === 'none') return true;
  return LOCAL_TYPES.includes(type!) && diskSource(d) === undefined;
}

/** virDomainDiskDefValidate, for the checks that apply without a hypervisor driver. */
export function validateDisk(d: DeviceDef): void {
  const src = sub(d.el, 'source');
  const target = sub(d.el, 'target');
  const dst = attr(target, 'dev');
  if (!dst) {
    if (attr(src, 'pool') !== undefined) throw virErr('NO_TARGET', `pool = '${attr(src, 'pool')}', volume = '${attr(src, 'volume')}'`);
    throw virErr('NO_TARGET', diskSource(d));
  }
  const type = attr(d.el, 'type')!;
  const device = attr(d.el, 'device');
  if (attr(d.el, 'sgio') === 'unfiltered') throw unsupportedConfig('unfiltered sgio is no longer supported');
  if (device === 'lun') {
    if (type === 'network' && attr(src, 'protocol') !== 'iscsi')
      throw unsupportedConfig(`disk device='lun' is not supported for protocol='${attr(src, 'protocol')}'`);
    if (type !== 'network' && type !== 'block' && type !== 'volume') throw unsupportedConfig("disk device='lun' is only valid for block type disk source");
  } else {
    if (sub(src, 'reservations')) throw unsupportedConfig('<reservations/> allowed only for lun devices');
    if (attr(d.el, 'rawio') !== undefined) throw unsupportedConfig("rawio can be used only with device='lun'");
    if (attr(d.el, 'sgio') !== undefined && attr(d.el, 'sgio') !== 'default') throw unsupportedConfig("sgio can be used only with device='lun'");
  }
  const iotune = sub(d.el, 'iotune');
  const tune = (name: string) => Number(sub(iotune, name)?.text ?? 0) !== 0;
  for (const [suffix, label] of IOTUNE_EXCLUSIVE) {
    if (tune(`total_${suffix}`) && (tune(`read_${suffix}`) || tune(`write_${suffix}`)))
      throw xmlError(`total and read/write ${label} cannot be set at the same time`);
  }
  const bus = diskBus(d);
  const driver = sub(d.el, 'driver');
  if (bus !== 'virtio') {
    const model = attr(d.el, 'model');
    if (model !== undefined && VIRTIO_MODELS.includes(model)) throw unsupportedConfig(`disk model '${model}' not supported for bus '${bus}'`);
    if (Number(attr(driver, 'queues') ?? 0)) throw unsupportedConfig('queues attribute in disk driver element is only supported by virtio-blk');
    if (attr(driver, 'event_idx') !== undefined) throw unsupportedConfig('disk event_idx mode supported only for virtio bus');
    if (attr(driver, 'ioeventfd') !== undefined) throw unsupportedConfig('disk ioeventfd mode supported only for virtio bus');
  }
  if (type === 'nvme' && Number(attr(src, 'namespace') ?? 0) === 0) throw unsupportedConfig("NVMe namespace can't be zero");
  if (attr(target, 'tray') !== undefined && device !== 'floppy' && device !== 'cdrom') throw unsupportedConfig('tray is only valid for cdrom and floppy');
  for (const [name, max] of [['vendor', 8], ['product', 16]] as const) {
    const v = sub(d.el, name)?.text;
    if (v === undefined) continue;
    if (!PRINTABLE.test(v)) throw xmlError(`disk ${name} is not printable string`);
    if (v.length > max) throw unsupportedConfig(`disk ${name} is more than ${max} characters`);
  }
  if (device === 'floppy' && bus !== 'fdc') throw internalError(`Invalid bus type '${bus}' for floppy disk`);
  if (device !== 'floppy' && bus === 'fdc') throw internalError(`Invalid bus type '${bus}' for disk`);
  if (attr(target, 'removable') !== undefined && bus !== 'usb') throw xmlError('removable is only valid for usb disks');
  const policy = attr(src, 'startupPolicy');
  if (policy !== undefined && policy !== 'default') {
    if (type !== 'volume' && !LOCAL_TYPES.includes(type)) throw xmlError(`disk startupPolicy '${policy}' is not allowed for disk of '${type}' type`);
    if (device !== 'cdrom' && device !== 'floppy' && policy === 'requisite') throw xmlError("disk startupPolicy 'requisite' is allowed only for cdrom or floppy");
  }
  const wwn = sub(d.el, 'wwn')?.text;
  if (wwn !== undefined && !/^(0x)?[0-9a-fA-F]{16}$/.test(wwn)) throw internalError(`Malformed wwn: ${wwn}`);
  if ((device === 'disk' || device === 'lun') && !/^(hd|sd|vd|xvd|ubd)/.test(dst)) throw internalError(`Invalid harddisk device name: ${dst}`);
  if (device === 'floppy' && !dst.startsWith('fd')) throw internalError(`Invalid floppy device name: ${dst}`);
  if (sourceEmpty(d) && device === 'disk') throw virErr('NO_SOURCE', dst);
}
