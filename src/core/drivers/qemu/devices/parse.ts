import { parseDeviceXML, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { validateDevice } from '../../../xml/domain/validate.js';
import { validateParsedController, validateQemuDevice } from './validate.js';
import { postParseQemuDevice } from '../defaults/postparse.js';
import { probeFor } from '../domain/parse.js';
import type { QemuCaps } from '../caps/index.js';

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
    validateQemuDevice(def, dev);
    validateParsedController(dev);
  }
  return dev;
}
