// qemuProcessSetupGraphics for VNC: a listen address without one takes qemu.conf's vnc_listen,
// and autoport displays and `websocket='-1'` get ports from the driver's ranges. The live
// definition shows what was chosen (port='5900' … listen='127.0.0.1'); the ports go back with
// the guest, since a port is only ever "taken" while a running guest's live definition names it.
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, setAttr, sub } from '../../../xml/domain/elem.js';
import { DEVICE_SPECS } from '../../../xml/domain/devices/specs.js';
import type { QemuDriver } from '../driver.js';
import { isActive } from '../domain/obj.js';
import { acquirePort, releaseClaim } from './ports.js';
import type { QemuConf } from '../config/qemu-conf.js';

const GRAPHICS_ATTRS = DEVICE_SPECS.graphics.attrs ?? [];

/** Sets an attribute where libvirt's formatter puts it. */
function setGraphicsAttr(g: DeviceDef, name: string, value: string): void {
  setAttr(g.el, name, value);
  g.el.attrs.sort(([a], [b]) => GRAPHICS_ATTRS.indexOf(a) - GRAPHICS_ATTRS.indexOf(b));
}

function vncs(def: DomainDef): DeviceDef[] {
  return def.devices.filter((d) => d.kind === 'graphics' && attr(d.el, 'type') === 'vnc');
}

/** The display and websocket ports running guests hold (libvirt's reserved bitmap). */
function takenPorts(drv: QemuDriver): Set<number> {
  const taken = new Set<number>();
  for (const o of drv.domains.objs) {
    if (!isActive(o)) continue;
    for (const g of vncs(o.def)) {
      for (const k of ['port', 'websocket']) {
        const p = Number(attr(g.el, k) ?? 0);
        if (p > 0) taken.add(p);
      }
    }
  }
  return taken;
}

export async function setupGraphics(drv: QemuDriver, def: DomainDef): Promise<void> {
  const conf = drv.caps.conf;
  // Asked afresh for each port: another start in this process may have recorded one meanwhile.
  const taken = (port: number) => takenPorts(drv).has(port);
  const got: number[] = [];
  try {
    await allocate(def, conf, taken, got);
  } finally {
    // Recorded in the live definition by now, or given up with the start.
    got.forEach(releaseClaim);
  }
}

async function allocate(def: DomainDef, conf: QemuConf, taken: (port: number) => boolean, got: number[]): Promise<void> {
  for (const g of vncs(def)) {
    const listen = sub(g.el, 'listen');
    const ltype = attr(listen, 'type') ?? 'address';
    if (ltype === 'address' && !attr(listen, 'address')) {
      if (listen) setAttr(listen, 'address', conf.vncListen);
      else g.el.children.unshift(elem('listen', [['type', 'address'], ['address', conf.vncListen]]));
    }
    if (ltype !== 'address' && ltype !== 'network') continue;
    if (attr(g.el, 'autoport') === 'yes') {
      const port = await acquirePort('display', conf.remotePorts, taken);
      got.push(port);
      setGraphicsAttr(g, 'port', String(port));
    }
    if (attr(g.el, 'websocket') === '-1') {
      const port = await acquirePort('webSocket', conf.webSocketPorts, taken);
      got.push(port);
      setGraphicsAttr(g, 'websocket', String(port));
    }
  }
}
