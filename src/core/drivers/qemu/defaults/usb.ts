import { attr } from '../../../xml/domain/elem.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';

/** virDomainUSBAddressControllerModelToPorts: root-hub ports per controller model. */
const PORTS: Record<string, number> = {
  'piix3-uhci': 2, 'piix4-uhci': 2, 'vt82c686b-uhci': 2, 'ich9-uhci1': 2, 'ich9-uhci2': 2, 'ich9-uhci3': 2,
  ehci: 6, 'ich9-ehci1': 6, 'nec-xhci': 4, 'qemu-xhci': 4, 'pci-ohci': 3, qusb1: 4, qusb2: 4,
};

/** The devices that sit on USB, in virDomainUSBDeviceDefForeach's order. */
function usbDevices(def: DomainDef): DeviceDef[] {
  const on = (kind: DeviceDef['kind'], test: (d: DeviceDef) => boolean) => def.devices.filter((d) => d.kind === kind && test(d));
  return [
    ...on('hub', (d) => attr(d.el, 'type') === 'usb'),
    ...on('input', (d) => attr(d.el, 'bus') === 'usb'),
    ...on('sound', (d) => attr(d.el, 'model') === 'usb'),
    ...on('disk', (d) => d.el.children.some((c) => c.name === 'target' && attr(c, 'bus') === 'usb')),
    ...on('hostdev', (d) => attr(d.el, 'type') === 'usb'),
    ...on('redirdev', (d) => attr(d.el, 'bus') === 'usb'),
  ];
}

/**
 * qemuDomainAssignUSBAddresses for a single USB controller: each USB device without an
 * address takes the next free root-hub port of controller 0.
 */
export function assignUsbAddresses(def: DomainDef): void {
  const usb0 = def.devices.find((d) => d.kind === 'controller' && attr(d.el, 'type') === 'usb' && attr(d.el, 'index') === '0');
  const model = usb0 ? attr(usb0.el, 'model') : undefined;
  if (!usb0 || model === 'none') return;
  const ports = Number(attr(usb0.el, 'ports') ?? PORTS[model ?? 'piix3-uhci'] ?? 2);
  const used = new Set<string>();
  const devices = usbDevices(def);
  for (const d of devices) if (d.info.address?.type === 'usb' && d.info.address.bus === 0 && d.info.address.port) used.add(d.info.address.port);
  for (const d of devices) {
    if (d.info.address) continue;
    let port = 1;
    while (used.has(String(port))) port++;
    if (port > ports) throw virErr('INTERNAL_ERROR', 'No free USB ports');
    used.add(String(port));
    d.info.address = { type: 'usb', bus: 0, port: String(port) };
  }
}
