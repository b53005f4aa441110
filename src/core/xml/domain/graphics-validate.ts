import { attr, sub, subs } from './elem.js';
import { xmlError } from './errors.js';
import type { DeviceDef, DomainDef } from './types.js';

/** virDomainEnsureAudioID: a nonzero audio id names an <audio> device. */
export function ensureAudioId(def: DomainDef, id: string | undefined): void {
  if (id === undefined || Number(id) === 0) return;
  if (def.devices.some((d) => d.kind === 'audio' && Number(attr(d.el, 'id')) === Number(id))) return;
  throw xmlError(`no audio device with ID ${Number(id)}`);
}

/** virDomainGraphicsDefValidate: network listens name their network; VNC audio ids exist; D-Bus p2p has no address. */
export function validateGraphics(d: DeviceDef, def: DomainDef): void {
  const type = attr(d.el, 'type');
  if (type === 'vnc' || type === 'spice' || type === 'rdp') {
    if (subs(d.el, 'listen').some((l) => attr(l, 'type') === 'network' && !attr(l, 'network')))
      throw xmlError("'network' attribute is required for listen type 'network'");
  }
  if (type === 'vnc') ensureAudioId(def, attr(sub(d.el, 'audio'), 'id'));
  else if (type === 'dbus' && attr(d.el, 'p2p') === 'yes' && attr(d.el, 'address') !== undefined)
    throw xmlError('D-Bus p2p with an address is not supported');
}
