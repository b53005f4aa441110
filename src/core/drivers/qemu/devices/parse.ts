import { parseDeviceXML, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { validateDevice } from '../../../xml/domain/validate.js';
import { unsupportedConfig } from '../../../xml/domain/errors.js';
import { postParseQemuDevice } from '../defaults/postparse.js';
import { probeFor } from '../domain/parse.js';
import type { QemuCaps } from '../caps/index.js';

/** Video models QEMU can add besides the primary one (qemuValidateDomainDeviceDefVideo). */
const SECONDARY_VIDEO = ['qxl', 'virtio', 'none'];

/** qemuValidateDomainDeviceDef's checks for a device parsed on its own. */
function validateQemuDevice(dev: DeviceDef): void {
  if (dev.kind === 'video') {
    const model = sub(dev.el, 'model');
    const type = attr(model, 'type') ?? 'default';
    if (!SECONDARY_VIDEO.includes(type) && attr(model, 'primary') !== 'yes')
      throw unsupportedConfig(`video type '${type}' is only valid as primary video device`);
  }
}

/**
 * virDomainDeviceDefParse with the QEMU driver's callbacks: the element parsed against `def`,
 * the generic and QEMU device defaults (disk driver, NIC model, generated MAC), then the
 * device's validation unless the caller only needs it to find a device (detach).
 */
export async function parseQemuDevice(xml: string, def: DomainDef, caps: QemuCaps, opts: { validate: boolean }): Promise<DeviceDef> {
  const dev = parseDeviceXML(xml, def);
  postParseQemuDevice(def, dev, await probeFor(def, caps));
  if (opts.validate) {
    validateDevice(dev, def);
    validateQemuDevice(dev);
  }
  return dev;
}
