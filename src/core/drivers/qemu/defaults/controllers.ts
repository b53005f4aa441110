import { attr } from '../../../xml/domain/elem.js';
import { insertDevice, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';

/**
 * The order the parser leaves controllers in: each one placed as it is read with
 * virDomainControllerInsertPreAlloced. (Controllers the driver adds later are appended, so a
 * config written at define time can list them differently from the next process's dumpxml.)
 */
export function orderParsedControllers(def: DomainDef): void {
  const controllers = def.devices.filter((d) => d.kind === 'controller');
  def.devices = def.devices.filter((d) => d.kind !== 'controller');
  for (const c of controllers) insertController(def, c);
}

/**
 * virDomainControllerInsertPreAlloced: a controller goes before the first one of its type with
 * a higher index, else right after the last one of its type, else after every controller.
 */
export function insertController(def: DomainDef, c: DeviceDef): void {
  const type = attr(c.el, 'type');
  const index = Number(attr(c.el, 'index'));
  let lastSame = -1;
  for (let i = 0; i < def.devices.length; i++) {
    const d = def.devices[i];
    if (d.kind !== 'controller' || attr(d.el, 'type') !== type) continue;
    if (Number(attr(d.el, 'index')) > index) {
      def.devices.splice(i, 0, c);
      return;
    }
    lastSame = i;
  }
  if (lastSame >= 0) def.devices.splice(lastSame + 1, 0, c);
  else insertDevice(def.devices, c);
}
