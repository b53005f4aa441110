import { attr, sub } from '../../../xml/domain/elem.js';
import type { DomainDef } from '../../../xml/domain/index.js';

/** Ports per virtio-serial controller when the controller does not say (QEMU's default). */
const DEFAULT_PORTS = 31;

/**
 * qemuDomainAssignVirtioSerialAddresses for channels: each virtio channel without an address
 * takes the first free port (port 0 is the console's) of the first virtio-serial controller
 * that has one.
 */
export function assignVirtioSerialAddresses(def: DomainDef): void {
  const controllers = def.devices
    .filter((d) => d.kind === 'controller' && attr(d.el, 'type') === 'virtio-serial')
    .map((c) => ({ index: Number(attr(c.el, 'index')), ports: Number(attr(c.el, 'ports') ?? DEFAULT_PORTS) }))
    .sort((a, b) => a.index - b.index);
  const used = new Set<string>();
  for (const d of def.devices) {
    const a = d.info.address;
    if (a?.type === 'virtio-serial') used.add(`${a.controller}:${a.port}`);
  }
  for (const ch of def.devices.filter((d) => d.kind === 'channel' && attr(sub(d.el, 'target'), 'type') === 'virtio' && !d.info.address)) {
    for (const c of controllers) {
      let port = 1;
      while (port < c.ports && used.has(`${c.index}:${port}`)) port++;
      if (port >= c.ports) continue;
      used.add(`${c.index}:${port}`);
      ch.info.address = { type: 'virtio-serial', controller: c.index, bus: 0, port };
      break;
    }
  }
}
