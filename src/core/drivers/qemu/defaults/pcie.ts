import { attr, elem, sub } from '../../../xml/domain/elem.js';
import { insertDevice, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';

type Pci = { type: 'pci'; domain: number; bus: number; slot: number; function: number; multifunction?: string };
const pci = (bus: number, slot: number, fn = 0): Pci => ({ type: 'pci', domain: 0, bus, slot, function: fn });

const model = (d: DeviceDef) => attr(sub(d.el, 'model'), 'type') ?? attr(d.el, 'model');

/** Conventional-PCI-only devices (qemuDomainDeviceCalculatePCIConnectFlags says PCI_DEVICE). */
function isConventional(d: DeviceDef): boolean {
  if (d.kind === 'interface') return !/^(virtio|e1000e)/.test(model(d) ?? '');
  if (d.kind === 'controller') {
    const type = attr(d.el, 'type');
    if (type === 'usb') return !['qemu-xhci', 'nec-xhci'].includes(model(d) ?? '');
    if (type === 'scsi') return !(model(d) ?? '').startsWith('virtio');
    return false;
  }
  if (d.kind === 'video') return !['virtio'].includes(model(d) ?? '');
  if (d.kind === 'sound') return true;
  if (d.kind === 'watchdog') return true;
  return false;
}

/**
 * qemuDomainAssignPCIAddresses on a pcie-root (q35): a dry run that grows buses as devices
 * need them (a pcie-root-port per PCIe device; a pcie-to-pci-bridge behind its own port for
 * conventional PCI devices), one spare root port for hotplug, the new controllers added by
 * index, then the real pass: PCI controllers first, devices after, in `order`.
 */
export function assignQ35Addresses(def: DomainDef, wanted: DeviceDef[]): void {
  const pending = wanted.filter((d) => !d.info.address);
  if (!pending.length) return;
  // Dry run: which buses get added, in order.
  const buses: string[] = [];
  let bridgeSlots = 0;
  for (const d of pending) {
    if (isConventional(d)) {
      if (buses.indexOf('pcie-to-pci-bridge') < 0 || bridgeSlots >= 31) {
        buses.push('pcie-root-port', 'pcie-to-pci-bridge');
        bridgeSlots = 0;
      }
      bridgeSlots++;
    } else buses.push('pcie-root-port');
  }
  buses.push('pcie-root-port');
  const base = Math.max(0, ...def.devices.filter((c) => c.kind === 'controller' && attr(c.el, 'type') === 'pci').map((c) => Number(attr(c.el, 'index'))));
  const added: DeviceDef[] = buses.map((m, i) => {
    const index = base + 1 + i;
    const children =
      m === 'pcie-root-port'
        ? [elem('model', [['name', 'pcie-root-port']]), elem('target', [['chassis', index], ['port', '']])]
        : [elem('model', [['name', 'pcie-pci-bridge']])];
    return { kind: 'controller', el: elem('controller', [['type', 'pci'], ['index', index], ['model', m]], children), info: {} };
  });
  for (const c of added) insertDevice(def.devices, c);

  // Real pass. Root ports fill the free slots of bus 0 from slot 1, eight functions a slot.
  const busy = new Set<number>([0]);
  for (const d of def.devices) if (d.info.address?.type === 'pci' && d.info.address.bus === 0) busy.add(d.info.address.slot);
  const freeSlots = Array.from({ length: 32 }, (_, i) => i).filter((i) => !busy.has(i));
  let rootFn = 0;
  const rootSlot = () => freeSlots[Math.floor(rootFn / 8)];
  const freePorts: number[] = [];
  const bridges: Array<{ bus: number; next: number }> = [];
  for (const c of added) {
    const index = Number(attr(c.el, 'index'));
    if (attr(c.el, 'model') === 'pcie-root-port') {
      const slot = rootSlot();
      const fn = rootFn % 8;
      c.info.address = pci(0, slot, fn);
      const target = sub(c.el, 'target')!;
      target.attrs = [['chassis', String(index)], ['port', `0x${((slot << 3) | fn).toString(16)}`]];
      rootFn++;
      freePorts.push(index);
    } else {
      c.info.address = pci(freePorts.shift()!, 0);
      bridges.push({ bus: index, next: 1 });
    }
  }
  for (const c of added.filter((x) => x.info.address?.type === 'pci' && x.info.address.function === 0 && x.info.address.bus === 0)) {
    const slot = (c.info.address as Pci).slot;
    if (added.some((o) => o !== c && (o.info.address as Pci).bus === 0 && (o.info.address as Pci).slot === slot)) (c.info.address as Pci).multifunction = 'on';
  }
  for (const d of pending) {
    if (isConventional(d)) {
      const b = bridges.find((x) => x.next <= 31)!;
      d.info.address = pci(b.bus, b.next++);
    } else d.info.address = pci(freePorts.shift()!, 0);
  }
}
