// Where a hotplugged device goes and what it is called: the next free PCI slot of the running
// guest (qemuDomainEnsurePCIAddress) and libvirt's alias for it (qemuAssignDeviceDiskAlias,
// qemuAssignDeviceNetAlias with a fresh index).
import type { DeviceDef, DomainDef } from '../../../../xml/domain/index.js';
import { virErr } from '../../../../errors.js';
import { attr } from '../../../../xml/domain/elem.js';
import { assignPciAddresses } from '../../defaults/pci.js';
import { assignAliases } from '../../command/alias.js';

/**
 * The device gets the address the guest's address set would give it next; nothing else moves.
 * A running guest gets no new bus: when the assignment would need one, there is no slot.
 */
export function placePci(def: DomainDef, dev: DeviceDef): void {
  if (dev.info.address) return;
  const trial = { ...def, devices: [...def.devices, dev] };
  assignPciAddresses(trial);
  if (trial.devices.length > def.devices.length + 1) {
    dev.info.address = undefined;
    throw virErr('INTERNAL_ERROR', 'No more available PCI slots');
  }
}

/** A disk's alias follows its address or target, given its controllers. */
export function diskAlias(def: DomainDef, disk: DeviceDef): void {
  assignAliases({ ...def, devices: [...def.devices.filter((d) => d.kind === 'controller').map((c) => ({ ...c, info: { ...c.info } })), disk] });
}

/** netN with N one past the highest number in use. */
export function netAlias(def: DomainDef, net: DeviceDef): void {
  const used = def.devices.filter((d) => d.kind === 'interface').map((d) => Number(/^net(\d+)$/.exec(d.info.alias ?? '')?.[1] ?? -1));
  net.info.alias = `net${Math.max(-1, ...used) + 1}`;
}

/** The controller a drive-addressed disk sits on, as virDomainControllerAliasFind looks it up. */
export function driveController(def: DomainDef, bus: string, index: number): DeviceDef | undefined {
  return def.devices.find((c) => c.kind === 'controller' && attr(c.el, 'type') === bus && Number(attr(c.el, 'index') ?? 0) === index);
}
