import { virErr } from '../../../errors.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';

/** virDomainDeviceIsUSB: the devices that plug into a USB bus. */
function isUSB(d: DeviceDef): boolean {
  switch (d.kind) {
    case 'disk':
      return attr(sub(d.el, 'target'), 'bus') === 'usb';
    case 'input':
    case 'redirdev':
      return attr(d.el, 'bus') === 'usb';
    case 'hostdev':
    case 'hub':
      return attr(d.el, 'type') === 'usb';
    case 'sound':
      return attr(d.el, 'model') === 'usb';
    default:
      return false;
  }
}

/** virDomainDefHasUSB: a USB controller other than model 'none'. */
const hasUSB = (def: DomainDef) => def.devices.some((c) => c.kind === 'controller' && attr(c.el, 'type') === 'usb' && attr(c.el, 'model') !== 'none');

/**
 * virDomainDefCompatibleDevice for the config side: a USB device needs a USB bus, and a
 * per-device boot order excludes <os><boot> and must not repeat another device's
 * (`old`, the device an update replaces, does not count).
 */
export function checkCompatible(def: DomainDef, dev: DeviceDef, old?: DeviceDef): void {
  if (!hasUSB(def) && def.os.type !== 'exe' && isUSB(dev))
    throw virErr('CONFIG_UNSUPPORTED', 'Device configuration is not compatible: Domain has no USB bus support');
  const order = dev.info.bootOrder;
  if (!order) return;
  if (def.os.bootDevs.length) throw virErr('CONFIG_UNSUPPORTED', 'per-device boot elements cannot be used together with os/boot elements');
  if (def.devices.some((d) => d !== old && d.info.bootOrder === order))
    throw virErr('CONFIG_UNSUPPORTED', `boot order ${order} is already used by another device`);
}
