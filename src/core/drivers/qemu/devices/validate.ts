import { attr, sub } from '../../../xml/domain/elem.js';
import { unsupportedConfig } from '../../../xml/domain/errors.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';

/** Video models QEMU can add besides the primary one (qemuValidateDomainDeviceDefVideo). */
const SECONDARY_VIDEO = ['qxl', 'virtio', 'none'];

/** Devices whose own type attribute is a character-device backend. */
const CHARDEV_KINDS: DeviceDef['kind'][] = ['serial', 'parallel', 'console', 'channel', 'redirdev'];

const hasSpice = (def: DomainDef) => def.devices.some((d) => d.kind === 'graphics' && attr(d.el, 'type') === 'spice');

/**
 * qemuValidateDomainDeviceDef's checks that need no probe: a non-primary video must be one
 * QEMU can add as a secondary card; SPICE chardev backends need SPICE graphics.
 */
export function validateQemuDevice(def: DomainDef, dev: DeviceDef): void {
  if (dev.kind === 'video') {
    const model = sub(dev.el, 'model');
    const type = attr(model, 'type') ?? 'default';
    if (!SECONDARY_VIDEO.includes(type) && attr(model, 'primary') !== 'yes')
      throw unsupportedConfig(`video type '${type}' is only valid as primary video device`);
  }
  if (CHARDEV_KINDS.includes(dev.kind)) {
    const type = attr(dev.el, 'type');
    if ((type === 'spicevmc' || type === 'spiceport') && !hasSpice(def))
      throw unsupportedConfig(`chardev '${type}' not supported without spice graphics`);
  }
}
