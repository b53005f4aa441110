import type { JsonProps, QemuCommand } from './argv.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { addressProps } from './address.js';
import { attr, devicesOf, isQ35, sub } from './util.js';

/** qemuControllerModelUSB: the QEMU device of each USB controller model. */
const USB_DRIVERS: Record<string, string> = {
  'piix3-uhci': 'piix3-usb-uhci', 'piix4-uhci': 'piix4-usb-uhci', ehci: 'usb-ehci', 'ich9-ehci1': 'ich9-usb-ehci1',
  'ich9-uhci1': 'ich9-usb-uhci1', 'ich9-uhci2': 'ich9-usb-uhci2', 'ich9-uhci3': 'ich9-usb-uhci3',
  'vt82c686b-uhci': 'vt82c686b-usb-uhci', 'pci-ohci': 'pci-ohci', 'nec-xhci': 'nec-usb-xhci', 'qemu-xhci': 'qemu-xhci',
};

const SCSI_DRIVERS: Record<string, string> = {
  'virtio-scsi': 'virtio-scsi-pci', lsilogic: 'lsi', lsisas1068: 'mptsas1068', lsisas1078: 'megasas', ibmvscsi: 'spapr-vscsi', vmpvscsi: 'pvscsi',
};

/** The order qemuBuildControllersCommandLine emits controller types in. */
const TYPE_ORDER = ['pci', 'usb', 'scsi', 'ide', 'sata', 'fdc', 'virtio-serial', 'xenbus', 'isa'];

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

/** Controllers QEMU provides by itself, which get no -device. */
function implicit(def: DomainDef, c: DeviceDef): boolean {
  const type = attr(c.el, 'type');
  const idx = Number(attr(c.el, 'index') ?? 0);
  const model = attr(c.el, 'model');
  if (type === 'pci') return model === 'pci-root' || model === 'pcie-root';
  if (type === 'usb') return model === 'none';
  if (type === 'ide') return idx === 0 && !isQ35(def);
  if (type === 'sata') return idx === 0 && isQ35(def);
  if (type === 'fdc') return idx === 0;
  return false;
}

function controllerProps(def: DomainDef, c: DeviceDef): JsonProps | undefined {
  const type = attr(c.el, 'type');
  const model = attr(c.el, 'model');
  const driver = sub(c.el, 'driver');
  const target = sub(c.el, 'target');
  const alias = c.info.alias!;
  switch (type) {
    case 'usb': {
      const ports = num(attr(c.el, 'ports'));
      const props = { driver: USB_DRIVERS[model ?? 'piix3-uhci'], p2: ports, p3: ports };
      // A companion controller joins its EHCI master's bus instead of having an id.
      if (c.info.master) return { ...props, masterbus: `${alias}.0`, firstport: num(attr(c.info.master, 'startport')) ?? 0 };
      return { ...props, id: alias };
    }
    case 'scsi':
      return { driver: SCSI_DRIVERS[model ?? 'lsilogic'], id: alias, num_queues: num(attr(driver, 'queues')) };
    case 'sata':
      return { driver: 'ahci', id: alias };
    case 'virtio-serial':
      return { driver: 'virtio-serial-pci', id: alias, max_ports: num(attr(c.el, 'ports')), vectors: num(attr(c.el, 'vectors')) };
    case 'pci': {
      const name = attr(sub(c.el, 'model'), 'name');
      if (model === 'pcie-root-port' || model === 'pcie-switch-downstream-port')
        return { driver: name, port: num(attr(target, 'port')), chassis: num(attr(target, 'chassis')), id: alias };
      if (model === 'pci-bridge') return { driver: name, chassis_nr: num(attr(target, 'chassisNr')), id: alias };
      return { driver: name, id: alias };
    }
    default:
      return undefined;
  }
}

/** -device for every controller QEMU does not create itself. */
export function buildControllers(cmd: QemuCommand, def: DomainDef): void {
  for (const type of TYPE_ORDER) {
    for (const c of devicesOf(def, 'controller')) {
      if (attr(c.el, 'type') !== type || implicit(def, c)) continue;
      const props = controllerProps(def, c);
      if (props) cmd.addJson('-device', { ...props, ...addressProps(def, c.info) });
    }
  }
}
