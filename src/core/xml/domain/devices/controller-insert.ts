import { attr } from '../elem.js';
import { virErr } from '../../../errors.js';
import type { DeviceDef } from '../types.js';
import { controllerIndex, controllerType, newController } from './controller.js';

/**
 * virDomainControllerInsertPreAlloced: a controller goes after the last one of its type,
 * or before the first one of its type with a higher index (a master before its companions
 * of the same index); a controller of a new type goes at the end.
 */
export function insertController(list: DeviceDef[], ctrl: DeviceDef): void {
  const type = controllerType(ctrl);
  const idx = controllerIndex(ctrl);
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    const cur = list[i];
    if (controllerType(cur) !== type) continue;
    if (idx === -1) {
      at = i + 1;
      break;
    }
    if (controllerIndex(cur) > idx) at = i;
    else if (!ctrl.info.master && cur.info.master && controllerIndex(cur) === idx) at = i;
    else if (at === -1) at = i + 1;
  }
  list.splice(at === -1 ? list.length : at, 0, ctrl);
}

const usbDisabled = () => virErr('XML_DETAIL', "Can't add another USB controller: USB is disabled for this domain", 'DOMAIN');

/** virDomainDefControllersParse's USB rules: model 'none' stands alone, and some controller is a master. */
export function checkUsbControllers(list: DeviceDef[]): void {
  let none = false;
  let other = false;
  let master = false;
  for (const c of list) {
    if (controllerType(c) !== 'usb') continue;
    if (attr(c.el, 'model') === 'none') {
      if (none || other) throw usbDisabled();
      none = true;
    } else {
      if (none) throw usbDisabled();
      other = true;
    }
    if (!c.info.master) master = true;
  }
  if (other && !master) throw virErr('XML_DETAIL', 'No master USB controller specified', 'DOMAIN');
}

/** virDomainDefMaybeAddController: appends type/index unless a controller already has it. */
export function maybeAddController(list: DeviceDef[], type: string, index: number, model?: string): void {
  if (list.some((c) => controllerType(c) === type && controllerIndex(c) === index)) return;
  list.push(newController(type, index, model));
}
