import { attr, elem, sub } from '../../../xml/domain/elem.js';
import { insertDevice, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';

export type Pci = { type: 'pci'; domain: number; bus: number; slot: number; function: number; multifunction?: string };
const pci = (bus: number, slot: number, fn = 0): Pci => ({ type: 'pci', domain: 0, bus, slot, function: fn });

const model = (d: DeviceDef) => attr(sub(d.el, 'model'), 'type') ?? attr(d.el, 'model');
const isPciController = (d: DeviceDef) => d.kind === 'controller' && attr(d.el, 'type') === 'pci';

/** Conventional-PCI-only devices (qemuDomainDeviceCalculatePCIConnectFlags says PCI_DEVICE). */
function isConventional(d: DeviceDef): boolean {
  if (d.kind === 'interface') return !/^(virtio|e1000e)/.test(model(d) ?? '');
  if (d.kind === 'controller') {
    const type = attr(d.el, 'type');
    if (type === 'usb') return !['qemu-xhci', 'nec-xhci'].includes(model(d) ?? '');
    if (type === 'scsi') return !(model(d) ?? '').startsWith('virtio');
    if (type === 'pci') return attr(d.el, 'model') === 'pci-bridge';
    return false;
  }
  if (d.kind === 'video') return !['virtio'].includes(model(d) ?? '');
  if (d.kind === 'sound') return true;
  if (d.kind === 'watchdog') return true;
  return false;
}

/** What a device plugs into: a root port's slot (PCIe endpoints; 'bridge' for a
 *  pcie-to-pci-bridge), a conventional PCI slot, or a pcie-root slot (root ports, which share
 *  slots as functions). */
type Plug = 'pcie' | 'bridge' | 'pci' | 'rootport';

function plugOf(d: DeviceDef, pcie: boolean): Plug {
  if (!pcie) return 'pci';
  if (isPciController(d) && attr(d.el, 'model') === 'pcie-root-port') return 'rootport';
  if (isPciController(d) && attr(d.el, 'model') === 'pcie-to-pci-bridge') return 'bridge';
  return isConventional(d) ? 'pci' : 'pcie';
}

/** Which plug each bus model accepts and its usable slots (virDomainPCIAddressBusSetModel). */
const BUS_KINDS: Record<string, { plugs: Plug[]; min: number; max: number }> = {
  'pci-root': { plugs: ['pci'], min: 1, max: 31 },
  'pcie-root': { plugs: ['rootport'], min: 1, max: 31 },
  'pcie-root-port': { plugs: ['pcie', 'bridge'], min: 0, max: 0 },
  'pcie-to-pci-bridge': { plugs: ['pci'], min: 1, max: 31 },
  'pci-bridge': { plugs: ['pci'], min: 1, max: 31 },
};

type Bus = { model: string; plugs: Plug[]; used: Map<number, Set<number>>; aggregate: Set<number> };

/** virDomainPCIAddressSet: per bus, the functions used in each slot and the aggregate slots. */
class AddressSet {
  readonly buses: Bus[] = [];

  addBus(model: string, plugs = BUS_KINDS[model]?.plugs ?? []): number {
    this.buses.push({ model, plugs, used: new Map(), aggregate: new Set() });
    return this.buses.length - 1;
  }

  reserve(bus: number, slot: number, fn: number, plug: Plug): void {
    const b = this.buses[bus];
    if (!b) return;
    const fns = b.used.get(slot) ?? new Set<number>();
    fns.add(fn);
    b.used.set(slot, fns);
    if (plug === 'rootport') b.aggregate.add(slot);
  }

  /** virDomainPCIAddressGetNextAddr: the first compatible bus with a free slot (or a free function of an aggregate slot). */
  next(plug: Plug): Pci | undefined {
    for (let bus = 0; bus < this.buses.length; bus++) {
      const kind = BUS_KINDS[this.buses[bus].model];
      if (!kind || !this.buses[bus].plugs.includes(plug)) continue;
      for (let slot = kind.min; slot <= kind.max; slot++) {
        const fns = this.buses[bus].used.get(slot);
        if (!fns?.size) return pci(bus, slot);
        if (plug === 'rootport' && this.buses[bus].aggregate.has(slot)) {
          for (let fn = 0; fn < 8; fn++) if (!fns.has(fn)) return pci(bus, slot, fn);
        }
      }
    }
    return undefined;
  }

  take(plug: Plug): Pci | undefined {
    const a = this.next(plug);
    if (a) this.reserve(a.bus, a.slot, a.function, plug);
    return a;
  }

  /**
   * virDomainPCIAddressSetGrow (dry run): the buses a device that found no slot brings in. A
   * root port added for a new pcie-to-pci-bridge takes nothing else in this pass.
   */
  grow(plug: Plug): void {
    if (plug === 'pci') {
      const hasBridgeBus = this.buses.some((b) => b.plugs.includes('pci'));
      if (!hasBridgeBus) this.addBus('pcie-root-port', ['bridge']);
      const bus = this.addBus(hasBridgeBus ? 'pci-bridge' : 'pcie-to-pci-bridge');
      this.reserve(bus, BUS_KINDS[this.buses[bus].model].min, 0, plug);
    } else {
      const bus = this.addBus('pcie-root-port');
      this.reserve(bus, 0, 0, plug);
    }
  }

  /** virDomainPCIAddressBusIsFullyReserved: every usable slot has a function taken. */
  fullyReserved(bus: Bus): boolean {
    const kind = BUS_KINDS[bus.model];
    if (!kind) return true;
    for (let slot = kind.min; slot <= kind.max; slot++) if (!bus.used.get(slot)?.size) return false;
    return true;
  }

  /** qemuDomainPCIAddressSetCreate: one bus per PCI controller index, every assigned address reserved. */
  static of(def: DomainDef, nbuses: number, plug: (d: DeviceDef) => Plug): AddressSet {
    const set = new AddressSet();
    const controllers = def.devices.filter(isPciController);
    for (let i = 0; i < nbuses; i++) {
      const c = controllers.find((x) => Number(attr(x.el, 'index')) === i);
      set.addBus(c ? attr(c.el, 'model') ?? '' : '');
    }
    for (const d of def.devices) {
      const a = d.info.address;
      if (a?.type === 'pci') set.reserve(a.bus, a.slot, a.function, plug(d));
    }
    return set;
  }
}

function newController(model: string, index: number): DeviceDef {
  const children: Record<string, ReturnType<typeof elem>[]> = {
    'pcie-root-port': [elem('model', [['name', 'pcie-root-port']]), elem('target', [['chassis', index], ['port', '']])],
    'pcie-to-pci-bridge': [elem('model', [['name', 'pcie-pci-bridge']])],
    'pci-bridge': [elem('model', [['name', 'pci-bridge']]), elem('target', [['chassisNr', index]])],
  };
  return { kind: 'controller', el: elem('controller', [['type', 'pci'], ['index', index], ['model', model]], children[model]), info: {} };
}

/**
 * qemuDomainAssignPCIAddresses. A dry run over the devices without an address finds which
 * buses must be added: on a pcie-root (q35) a pcie-root-port per PCIe device without a free
 * port and a root port plus pcie-to-pci-bridge for conventional PCI, and for a guest that had
 * no PCI controllers of its own one spare root port for hotplug; on a pci-root (i440fx) a
 * pci-bridge once the bus is full, one slot being kept back for it while any is free. The new
 * controllers are appended, then the real pass addresses the controllers first and the
 * devices after, in `wanted`'s order. `reserved` are built-in functions (the PIIX3's slot).
 */
export function assignBusAddresses(def: DomainDef, wanted: DeviceDef[], root: 'pci-root' | 'pcie-root', reserved: Pci[] = []): void {
  const pcie = root === 'pcie-root';
  const plug = (d: DeviceDef) => plugOf(d, pcie);
  const pendingControllers = def.devices.filter((d) => isPciController(d) && !d.info.address && attr(d.el, 'model') !== root);
  const pending = [...pendingControllers, ...wanted.filter((d) => !d.info.address)];
  if (!pending.length) return;
  const maxIdx = Math.max(-1, ...def.devices.filter(isPciController).map((c) => Number(attr(c.el, 'index'))));
  const open = (nbuses: number) => {
    const set = AddressSet.of(def, nbuses, plug);
    for (const a of reserved) set.reserve(a.bus, a.slot, a.function, 'pci');
    return set;
  };
  const dry = open(maxIdx + 1);
  if (!pcie && dry.buses.some((b) => !dry.fullyReserved(b))) dry.take('pci');
  for (const d of pending) if (!dry.take(plug(d))) dry.grow(plug(d));
  if (pcie && maxIdx <= 0 && dry.buses.length > maxIdx + 1 && !dry.take('pcie')) dry.grow('pcie');
  const added = dry.buses.slice(maxIdx + 1).map((b, i) => newController(b.model, maxIdx + 1 + i));
  for (const c of added) insertDevice(def.devices, c);

  const real = open(dry.buses.length);
  for (const d of [...pendingControllers, ...added]) {
    const a = real.take(plug(d));
    if (!a) continue;
    d.info.address = a;
    const target = sub(d.el, 'target');
    if (attr(d.el, 'model') === 'pcie-root-port' && target && attr(target, 'port') === '') {
      target.attrs = [['chassis', attr(target, 'chassis')!], ['port', `0x${((a.slot << 3) | a.function).toString(16)}`]];
    }
  }
  for (const d of pending.filter((x) => !pendingControllers.includes(x))) {
    const a = real.take(plug(d));
    if (!a) throw virErr('INTERNAL_ERROR', 'No more available PCI slots');
    d.info.address = a;
  }
  markMultifunction(def);
}

/** virDomainPCIAddressSetAllMulti: function 0 of a slot holding several functions says so. */
function markMultifunction(def: DomainDef): void {
  const addrs = def.devices.map((d) => d.info.address).filter((a): a is Pci => a?.type === 'pci');
  for (const a of addrs) {
    if (a.function !== 0 || a.multifunction) continue;
    if (addrs.some((o) => o !== a && o.domain === a.domain && o.bus === a.bus && o.slot === a.slot)) a.multifunction = 'on';
  }
}
