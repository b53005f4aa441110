import { attr, sub } from '../../../xml/domain/elem.js';
import { unsupportedConfig } from '../../../xml/domain/errors.js';
import { virErr } from '../../../errors.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';

/** Video models QEMU can add besides the primary one (qemuValidateDomainDeviceDefVideo). */
const SECONDARY_VIDEO = ['qxl', 'virtio', 'none'];

/** Devices whose own type attribute is a character-device backend. */
const CHARDEV_KINDS: DeviceDef['kind'][] = ['serial', 'parallel', 'console', 'channel', 'redirdev'];

const hasSpice = (def: DomainDef) => def.devices.some((d) => d.kind === 'graphics' && attr(d.el, 'type') === 'spice');

/** virDomainIOThreadIDFind's list: <iothreadids> when given, else 1..<iothreads>. */
function iothreadIds(def: DomainDef): number[] {
  const ids = def.iothreads?.find((e) => e.name === 'iothreadids');
  if (ids) return ids.children.map((c) => Number(attr(c, 'id')));
  const count = Number(def.iothreads?.find((e) => e.name === 'iothreads')?.text ?? 0);
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** qemuValidateDomainDeviceDefDisk's frontend checks: no CD-ROM on virtio, WWN only on IDE/SCSI, IOThreads only on virtio. */
function validateDisk(def: DomainDef, dev: DeviceDef): void {
  const bus = attr(sub(dev.el, 'target'), 'bus') ?? 'none';
  if (attr(dev.el, 'device') === 'cdrom' && (bus === 'virtio' || bus === 'sd'))
    throw unsupportedConfig(`disk type of '${attr(sub(dev.el, 'target'), 'dev')}' does not support ejectable media`);
  if (sub(dev.el, 'wwn') && bus !== 'ide' && bus !== 'scsi') throw unsupportedConfig('Only ide and scsi disk support wwn');
  const iothread = attr(sub(dev.el, 'driver'), 'iothread');
  if (iothread === undefined || iothread === '0') return;
  if (bus !== 'virtio') throw unsupportedConfig(`IOThreads not available for bus ${bus} target ${attr(sub(dev.el, 'target'), 'dev')}`);
  if (!iothreadIds(def).includes(Number(iothread))) throw unsupportedConfig(`Disk iothread '${iothread}' not defined in iothreadid`);
}

/**
 * qemuValidateDomainDeviceDef's checks that need no probe: disk frontends, a non-primary video
 * must be one QEMU can add as a secondary card, SPICE chardev backends need SPICE graphics.
 */
export function validateQemuDevice(def: DomainDef, dev: DeviceDef): void {
  if (dev.kind === 'disk') validateDisk(def, dev);
  if (dev.kind === 'video') {
    const model = sub(dev.el, 'model');
    const type = attr(model, 'type') ?? 'default';
    if (!SECONDARY_VIDEO.includes(type) && attr(model, 'primary') !== 'yes')
      throw unsupportedConfig(`video type '${type}' is only valid as primary video device`);
  }
  if (CHARDEV_KINDS.includes(dev.kind)) {
    const type = attr(dev.el, 'type');
    if ((type === 'spicevmc' || type === 'spiceport') && !hasSpice(def))
      throw unsupportedConfig(`chardev '${type}' not supported without spice graphics`);
  }
}

/** The options each PCI controller model must carry, in the order libvirt checks them. */
const PCI_REQUIRED: Array<[string, string[], (c: DeviceDef) => string | undefined]> = [
  ['modelName', ['pci-bridge', 'dmi-to-pci-bridge', 'pcie-root-port', 'pcie-switch-upstream-port', 'pcie-switch-downstream-port', 'pci-expander-bus', 'pcie-expander-bus', 'pcie-to-pci-bridge'], (c) => attr(sub(c.el, 'model'), 'name')],
  ['chassisNr', ['pci-bridge'], (c) => attr(sub(c.el, 'target'), 'chassisNr')],
  ['chassis', ['pcie-root-port', 'pcie-switch-downstream-port'], (c) => attr(sub(c.el, 'target'), 'chassis')],
  ['port', ['pcie-root-port', 'pcie-switch-downstream-port'], (c) => attr(sub(c.el, 'target'), 'port')],
];

/**
 * qemuValidateDomainDeviceDefControllerPCI on a controller parsed alone: the options address
 * assignment fills in (QEMU model name, chassis, port) are still unset for a device being
 * attached, so it must give them itself.
 */
export function validateParsedController(dev: DeviceDef): void {
  if (dev.kind !== 'controller' || attr(dev.el, 'type') !== 'pci') return;
  const model = attr(dev.el, 'model') ?? '';
  for (const [option, models, value] of PCI_REQUIRED) {
    if (!models.includes(model) || value(dev) !== undefined) continue;
    const index = attr(dev.el, 'index') ?? '-1';
    const modelName = attr(sub(dev.el, 'model'), 'name') ?? 'none';
    throw virErr('INTERNAL_ERROR', `Required option '${option}' is not set for PCI controller with index '${index}', model '${model}' and modelName '${modelName}'`);
  }
}
