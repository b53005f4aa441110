import { attr, elem, setAttr, sub, type Elem } from '../elem.js';
import type { DeviceDef, DomainDef } from '../types.js';

/*
 * Typed views of the device fields drivers and commands read (domblklist, domiflist,
 * domdisplay…) and the few they set (interface target names at start).
 */

export const deviceType = (d: DeviceDef): string | undefined => attr(d.el, 'type');

export interface DiskView {
  type: string;
  device: string;
  target?: string;
  bus?: string;
  /** file / dev / dir / network name / volume, whichever the type uses. */
  source?: string;
  driverType?: string;
  readonly: boolean;
}

export function diskView(d: DeviceDef): DiskView {
  const src = sub(d.el, 'source');
  const tgt = sub(d.el, 'target');
  return {
    type: attr(d.el, 'type') ?? 'file',
    device: attr(d.el, 'device') ?? 'disk',
    target: attr(tgt, 'dev'),
    bus: attr(tgt, 'bus'),
    source: attr(src, 'file') ?? attr(src, 'dev') ?? attr(src, 'dir') ?? attr(src, 'name') ?? attr(src, 'volume'),
    driverType: attr(sub(d.el, 'driver'), 'type'),
    readonly: !!sub(d.el, 'readonly'),
  };
}

export interface InterfaceView {
  type: string;
  mac?: string;
  /** network / bridge / dev, whichever the type uses. */
  source?: string;
  model?: string;
  ifname?: string;
}

export function interfaceView(d: DeviceDef): InterfaceView {
  const src = sub(d.el, 'source');
  return {
    type: attr(d.el, 'type') ?? '',
    mac: attr(sub(d.el, 'mac'), 'address'),
    source: attr(src, 'network') ?? attr(src, 'bridge') ?? attr(src, 'dev') ?? attr(src, 'name'),
    model: attr(sub(d.el, 'model'), 'type'),
    ifname: attr(sub(d.el, 'target'), 'dev'),
  };
}

/** Sets `<target dev=…/>` of an interface, inserting the element in its canonical place. */
export function setInterfaceIfname(d: DeviceDef, ifname: string): void {
  let t = sub(d.el, 'target');
  if (!t) {
    t = elem('target');
    const after = ['mac', 'source', 'vlan', 'virtualport', 'bandwidth', 'port', 'ip', 'route', 'portForward', 'script', 'downscript', 'backenddomain'];
    let at = 0;
    d.el.children.forEach((c, i) => {
      if (after.includes(c.name)) at = i + 1;
    });
    d.el.children.splice(at, 0, t);
  }
  setAttr(t, 'dev', ifname);
}

/** testDomainGenerateIfnames: every interface without a target gets the first free testnetN. */
export function assignTestIfnames(def: DomainDef): void {
  const nets = def.devices.filter((d) => d.kind === 'interface');
  for (const n of nets) {
    if (interfaceView(n).ifname) continue;
    for (let i = 0; i < 1024; i++) {
      const name = `testnet${i}`;
      if (!nets.some((o) => interfaceView(o).ifname === name)) {
        setInterfaceIfname(n, name);
        break;
      }
    }
  }
}

export interface GraphicsView {
  type: string;
  port?: number;
  autoport: boolean;
  listen?: string;
  passwd?: string;
  tlsPort?: number;
  websocket?: number;
  socket?: string;
}

export function graphicsView(d: DeviceDef): GraphicsView {
  const e: Elem = d.el;
  const num = (k: string) => (attr(e, k) === undefined ? undefined : Number(attr(e, k)));
  const listen = sub(e, 'listen');
  return {
    type: attr(e, 'type') ?? '',
    port: num('port'),
    autoport: attr(e, 'autoport') === 'yes',
    listen: attr(listen, 'address') ?? attr(e, 'listen'),
    passwd: attr(e, 'passwd'),
    tlsPort: num('tlsPort'),
    websocket: num('websocket'),
    socket: attr(listen, 'socket') ?? attr(e, 'socket'),
  };
}
