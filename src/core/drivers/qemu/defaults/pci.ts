import { attr, sub } from '../../../xml/domain/elem.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import { isI440fx, isQ35 } from './machine.js';
import { assignBusAddresses } from './pcie.js';
import { collectPciAddresses } from './pci-collect.js';

type Pci = { type: 'pci'; domain: number; bus: number; slot: number; function: number };
const pci = (slot: number, fn = 0): Pci => ({ type: 'pci', domain: 0, bus: 0, slot, function: fn });

const model = (d: DeviceDef) => attr(sub(d.el, 'model'), 'type') ?? attr(d.el, 'model');
const ctype = (d: DeviceDef) => attr(d.el, 'type') ?? 'ide';

/** Which devices sit on PCI (qemuDomainDeviceCalculatePCIConnectFlags, the x86 subset). */
function wantsPci(d: DeviceDef): boolean {
  switch (d.kind) {
    case 'interface':
      return attr(d.el, 'type') !== 'hostdev' && !['usb-net', 'spapr-vlan'].includes(model(d) ?? '');
    case 'sound':
      return !['sb16', 'pcspk', 'usb'].includes(model(d) ?? '');
    case 'controller':
      if (ctype(d) === 'pci') return false;
      if (ctype(d) === 'usb' && model(d) === 'none') return false;
      // IDE exists only as the PIIX3's function (placed below); FDC, CCID and ISA are not PCI.
      if (['ide', 'fdc', 'ccid', 'isa', 'xenbus'].includes(ctype(d))) return false;
      return !(ctype(d) === 'scsi' && model(d) === 'ncr53c90');
    case 'disk':
      return attr(sub(d.el, 'target'), 'bus') === 'virtio';
    case 'memballoon':
      return attr(d.el, 'model') === 'virtio';
    case 'hostdev':
      return (attr(d.el, 'mode') ?? 'subsystem') === 'subsystem' && attr(d.el, 'type') === 'pci';
    case 'rng':
      return true;
    case 'watchdog':
      return attr(d.el, 'model') === 'i6300esb';
    case 'video':
      return !['none', 'ramfb'].includes(model(d) ?? '');
    case 'input':
      return attr(d.el, 'bus') === 'virtio';
    case 'shmem':
    case 'vsock':
    case 'filesystem':
      return true;
    default:
      return false;
  }
}

/** qemuDomainAssignDevicePCISlots' order: kinds are visited in this sequence. */
const ORDER: DeviceDef['kind'][] = ['filesystem', 'interface', 'sound', 'controller', 'disk', 'hostdev', 'memballoon', 'rng', 'watchdog', 'video', 'shmem', 'input', 'vsock'];

/**
 * qemuDomainAssignPCIAddresses: i440fx has the PIIX3 functions on slot 1 and the primary
 * video on slot 2; q35 its own built-ins (below); then every device that wants PCI gets an
 * address, in libvirt's device order, adding buses as needed.
 */
export function assignPciAddresses(def: DomainDef): void {
  collectPciAddresses(def);
  const pciDevices = def.devices.filter(wantsPci);
  if (isQ35(def)) return assignQ35(def, pciDevices);
  if (!isI440fx(def)) {
    if (pciDevices.some((d) => !d.info.address)) throw virErr('XML_ERROR', 'No PCI buses available');
    return;
  }
  const onBus0 = (slot: number) => def.devices.some((d) => d.info.address?.type === 'pci' && d.info.address.bus === 0 && d.info.address.slot === slot);
  const controllers = def.devices.filter((d) => d.kind === 'controller');
  const ide0 = controllers.find((c) => ctype(c) === 'ide' && attr(c.el, 'index') === '0');
  if (ide0 && !ide0.info.address) ide0.info.address = pci(1, 1);
  const usb0 = controllers.find((c) => ctype(c) === 'usb' && attr(c.el, 'index') === '0' && [undefined, 'piix3-uhci'].includes(attr(c.el, 'model')));
  if (usb0 && !usb0.info.address) usb0.info.address = pci(1, 2);
  const video = def.devices.find((d) => d.kind === 'video');
  if (video && wantsPci(video) && !video.info.address && !onBus0(2)) video.info.address = pci(2);
  const ordered = ORDER.flatMap((kind) => pciDevices.filter((d) => d.kind === kind && !d.info.address));
  assignBusAddresses(def, ordered, 'pci-root', [pci(1)]);
}

/** q35's built-in functions (primary video at 00:01.0, the ICH9 SATA controller at 00:1f.2), then PCIe. */
function assignQ35(def: DomainDef, pciDevices: DeviceDef[]): void {
  const sata0 = def.devices.find((d) => d.kind === 'controller' && ctype(d) === 'sata' && attr(d.el, 'index') === '0');
  if (sata0 && !sata0.info.address) sata0.info.address = { type: 'pci', domain: 0, bus: 0, slot: 0x1f, function: 2 };
  const video = def.devices.find((d) => d.kind === 'video');
  if (video && wantsPci(video) && !video.info.address) video.info.address = pci(1);
  const ordered = ORDER.flatMap((kind) => pciDevices.filter((d) => d.kind === kind && !d.info.address && d !== sata0));
  assignBusAddresses(def, ordered, 'pcie-root');
}
