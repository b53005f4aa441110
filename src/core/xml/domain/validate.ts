import { attr, sub, type Elem } from './elem.js';
import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { diskDst } from './devices/disk.js';
import { validateCputune } from './cputune.js';
import { validateIOThreads } from './iothreads.js';
import { validateIdmap, validateResource } from './resource-idmap.js';
import { validateBlkiotune } from './blkiotune.js';
import { CPUMASK_LEN } from './numbers.js';
import { validateChrDevice, validateChrSourceOf } from './chr-source.js';
import { validateGraphics } from './graphics-validate.js';
import { validateMemoryDevice } from './devices/memory.js';
import { diskSource, validateDisk } from './devices/disk-validate.js';
import { validateInterface } from './devices/interface-checks.js';
import { parseCpuList } from '../../cpumap.js';
import { virErr } from '../../errors.js';
import type { DeviceDef, DomainDef } from './types.js';

/** Per-device checks of virDomainDeviceDefValidate that apply to the test driver. */
const DEVICE_CHECKS: Partial<Record<DeviceDef['kind'], (d: DeviceDef, def: DomainDef) => void>> = {
  disk: validateDisk,
  interface: validateInterface,
  video(d, def) {
    const m = sub(d.el, 'model');
    const type = attr(m, 'type');
    if (type === 'default') throw internalError('missing video model and cannot determine default');
    const videos = def.devices.filter((v) => v.kind === 'video');
    if (videos.length > 1 && videos.some((v) => attr(sub(v.el, 'model'), 'type') === 'none'))
      throw unsupportedConfig("a 'none' video type must be the only video device defined for the domain");
    const vhostuser = attr(sub(d.el, 'driver'), 'name') === 'vhostuser';
    if (vhostuser && type !== 'virtio') throw unsupportedConfig("'vhostuser' driver is only supported with 'virtio' device");
    if (!vhostuser && attr(sub(m, 'acceleration'), 'rendernode') !== undefined) throw unsupportedConfig("unsupported rendernode accel attribute without 'vhostuser'");
    const res = sub(m, 'resolution');
    if (res && (!Number(attr(res, 'x') ?? 0) || !Number(attr(res, 'y') ?? 0))) throw unsupportedConfig('video resolution values must be greater than 0');
    if (type !== 'qxl') {
      for (const k of ['ram', 'vram64', 'vgamem']) if (Number(attr(m, k) ?? 0)) throw unsupportedConfig(`${k} attribute only supported for video type qxl`);
    }
    if (type === 'ramfb' && d.info.address) throw unsupportedConfig('address not supported for video type ramfb');
    if (type !== 'virtio') checkVirtioOptionsAbsent(sub(d.el, 'driver'));
  },
  input(d, def) {
    const type = attr(d.el, 'type')!;
    const bus = attr(d.el, 'bus') ?? 'none';
    const pointer = type === 'mouse' || type === 'keyboard';
    if (def.os.type === 'hvm') {
      if (bus === 'ps2' && !pointer) throw internalError(`ps2 bus does not support ${type} input device`);
      if (bus === 'xen') throw internalError(`unsupported input bus ${bus}`);
    } else if (def.os.type === 'xen' || def.os.type === 'xenpvh') {
      if (bus !== 'xen') throw internalError(`unsupported input bus ${bus}`);
      if (!pointer) throw internalError(`xen bus does not support ${type} input device`);
    } else if (def.type === 'vz' || def.type === 'parallels') {
      if (bus !== 'parallels') throw internalError(`parallels containers don't support input bus ${bus}`);
      if (!pointer) throw internalError(`parallels bus does not support ${type} input device`);
    } else throw internalError('Input devices are not supported by this virtualization driver.');
    if (type === 'passthrough' && bus !== 'virtio') throw unsupportedConfig("only bus 'virtio' is supported for 'passthrough' input devices");
    if (type === 'evdev' && bus !== 'none') throw unsupportedConfig("input evdev doesn't support bus element");
  },
  filesystem(d) {
    if (!attr(sub(d.el, 'target'), 'dir')) {
      const src = sub(d.el, 'source');
      throw virErr('NO_TARGET', ['dir', 'file', 'dev', 'name', 'socket'].map((k) => attr(src, k)).find((v) => v !== undefined));
    }
  },
  memory(d, def) {
    const cells = def.cpu?.children.find((c) => c.name === 'numa')?.children.filter((c) => c.name === 'cell') ?? [];
    validateMemoryDevice(d, cells.length, def.os.arch);
  },
  redirdev(d, def) {
    if ((attr(d.el, 'bus') ?? 'usb') === 'usb' && !hasUSB(def)) throw unsupportedConfig('cannot add redirected USB device: USB is disabled for this domain');
    validateChrSourceOf(attr(d.el, 'type') ?? 'null', d.el);
  },
  smartcard(d) {
    if (attr(d.el, 'mode') === 'passthrough') validateChrSourceOf(attr(d.el, 'type') ?? 'null', d.el);
  },
  graphics(d, def) {
    validateGraphics(d, def);
  },
  rng(d) {
    const backend = sub(d.el, 'backend');
    if (attr(backend, 'model') === 'egd') validateChrSourceOf(attr(backend, 'type') ?? 'null', backend!);
  },
  serial: validateChrDevice,
  parallel: validateChrDevice,
  channel: validateChrDevice,
  console: validateChrDevice,
};

/** virDomainCheckVirtioOptionsAreAbsent: virtio driver options on a device that is not virtio. */
function checkVirtioOptionsAbsent(driver: Elem | undefined): void {
  for (const k of ['iommu', 'ats', 'packed']) if (attr(driver, k) !== undefined) throw unsupportedConfig(`${k} driver option is only supported for virtio devices`);
  if (attr(driver, 'page_per_vq') !== undefined) throw unsupportedConfig('page_per_vq option is only supported for virtio devices');
}

function hasUSB(def: DomainDef): boolean {
  return def.devices.some((c) => c.kind === 'controller' && attr(c.el, 'type') === 'usb' && attr(c.el, 'model') !== 'none');
}

/** virDomainDefValidate: checks made after post-parse. */
/** virDomainDeviceInfoIterateFlags' order, in which the per-device checks run. */
export const ITERATE_ORDER: Array<DeviceDef['kind']> = ['disk', 'interface', 'sound', 'hostdev', 'video', 'controller', 'smartcard', 'serial', 'parallel', 'channel', 'console', 'input', 'filesystem', 'watchdog', 'memballoon', 'rng', 'nvram', 'hub', 'shmem', 'tpm', 'panic', 'memory', 'redirdev', 'iommu', 'vsock', 'graphics', 'audio', 'lease'];

/** virDomainDeviceDefValidate's generic part for one device (a device parsed alone, for attach). */
export function validateDevice(d: DeviceDef, def: DomainDef): void {
  DEVICE_CHECKS[d.kind]?.(d, def);
}

export function validateDomain(def: DomainDef): void {
  for (const kind of ITERATE_ORDER) for (const d of def.devices) if (d.kind === kind) DEVICE_CHECKS[kind]?.(d, def);
  validateResource(def.resource);
  checkDuplicateDiskTargets(def);
  validateIommu(def);
  validateHugepages(def);
  validateCputune(def.cputune);
  // virDomainDefBootValidate
  if ((def.os.bootmenu?.timeout ?? 0) > 65535) throw unsupportedConfig('invalid value for boot menu timeout, must be in range [0,65535]');
  validateVideos(def);
  validateBlkiotune(def.blkiotune);
  validateIdmap(def.idmap);
  validateIOThreads(def.iothreads);
}

/** virDomainDefIOMMUValidate: interrupt remapping needs the split I/O APIC, EIM needs remapping. */
function validateIommu(def: DomainDef): void {
  const driver = sub(def.devices.find((d) => d.kind === 'iommu')?.el, 'driver');
  if (!driver) return;
  const ioapic = attr(def.features?.children.find((c) => c.name === 'ioapic'), 'driver');
  if (attr(driver, 'intremap') === 'on' && ioapic !== 'qemu') throw unsupportedConfig("IOMMU interrupt remapping requires split I/O APIC (ioapic driver='qemu')");
  if (attr(driver, 'eim') === 'on' && attr(driver, 'intremap') !== 'on') throw unsupportedConfig('IOMMU eim requires interrupt remapping to be enabled');
}

/** virDomainDefVideoValidate: the parser puts a primary video first; no other may be primary. */
function validateVideos(def: DomainDef): void {
  const primary = (v: DeviceDef) => attr(sub(v.el, 'model'), 'primary') === 'yes';
  const videos = def.devices.filter((d) => d.kind === 'video');
  if (videos.length && primary(videos[0]) && videos.slice(1).some(primary)) throw unsupportedConfig('Only one primary video device is supported');
}

/** virDomainDefMemtuneValidate: hugepage nodesets are disjoint, name existing guest nodes, one default. */
function validateHugepages(def: DomainDef): void {
  const cells = def.cpu?.children.find((c) => c.name === 'numa')?.children.filter((c) => c.name === 'cell').length ?? 0;
  const pages = (def.memoryBacking?.children.find((c) => c.name === 'hugepages')?.children ?? []).filter((c) => c.name === 'page');
  const masks = pages.map((p) => {
    const ns = attr(p, 'nodeset');
    return ns === undefined ? undefined : parseCpuList(ns, CPUMASK_LEN);
  });
  const size = (i: number) => attr(pages[i], 'size');
  for (let i = 0; i < pages.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = masks[i];
      const b = masks[j];
      if (a && b && a.some((bit, k) => bit && b[k]))
        throw virErr('XML_DETAIL', `nodeset attribute of hugepages of sizes ${size(i)} and ${size(j)} intersect`, 'DOMAIN');
      if (!a && !b) throw virErr('XML_DETAIL', `two master hugepages detected: ${size(i)} and ${size(j)}`, 'DOMAIN');
    }
    const next = masks[i]?.findIndex((bit, k) => bit && k > cells - 1) ?? -1;
    if (next >= 0) throw virErr('XML_DETAIL', `hugepages: node ${next} not found`, 'DOMAIN');
  }
}

/** virDomainDefDuplicateDiskInfoValidate: no two disks share a target name. */
function checkDuplicateDiskTargets(def: DomainDef): void {
  const disks = def.devices.filter((d) => d.kind === 'disk');
  for (let i = 0; i < disks.length; i++)
    for (let j = i + 1; j < disks.length; j++)
      if (diskDst(disks[i]) === diskDst(disks[j]))
        throw xmlError(`target '${diskDst(disks[i])}' duplicated for disk sources '${diskSource(disks[i]) ?? '<null>'}' and '${diskSource(disks[j]) ?? '<null>'}'`);
}
