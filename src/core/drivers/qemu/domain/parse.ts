import { parseXmlDocument } from '../../../xml/parse.js';
import { child } from '../../../xml/tree.js';
import { parseDomainRoot } from '../../../xml/domain/parse.js';
import { postParse } from '../../../xml/domain/postparse.js';
import { validateDomain } from '../../../xml/domain/validate.js';
import { attr } from '../../../xml/domain/elem.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import { postParseQemuDevice, postParseQemuDomain } from '../defaults/postparse.js';
import { assignPciAddresses } from '../defaults/pci.js';
import { assignUsbAddresses } from '../defaults/usb.js';
import { assignVirtioSerialAddresses } from '../defaults/virtio-serial.js';
import { validateQemuDevice } from '../devices/validate.js';
import { isQ35 } from '../defaults/machine.js';
import { orderParsedControllers } from '../defaults/controllers.js';
import type { QemuCaps } from '../caps/index.js';
import type { QemuProbe } from '../caps/probe.js';

/** qemuValidateDomainDef / device validation: what this binary and machine cannot run. */
export function validateQemu(def: DomainDef, virtTypes: string[]): void {
  if (!virtTypes.includes(def.type))
    throw virErr('CONFIG_UNSUPPORTED', `Emulator '${def.emulator}' does not support virt type '${def.type}'`);
  for (const d of def.devices) {
    if (d.kind === 'controller' && attr(d.el, 'type') === 'ide' && isQ35(def))
      throw virErr('CONFIG_UNSUPPORTED', 'IDE controllers are unsupported for this QEMU binary or machine type');
    validateQemuDevice(def, d);
  }
}

/**
 * virDomainDefParseString with the QEMU driver's callbacks, in virDomainDefPostParse's order:
 * parse, driver defaults (emulator, machine, default devices, CPU), device defaults, the
 * generic post-parse (implicit controllers, console, video), addresses, then validation.
 */
export async function parseQemuDomain(xml: string, caps: QemuCaps, opts: { live?: boolean; skipValidate?: boolean } = {}): Promise<DomainDef> {
  const root = parseXmlDocument(xml, '(domain_definition)', 'domain', 'DOMAIN');
  const def = parseDomainRoot(root, { inactive: !opts.live });
  orderParsedControllers(def);
  if (!child(child(root, 'os'), 'type')?.attrs.arch) def.os.arch = caps.defaultArch();
  const probe = await postParseQemuDef(def, caps);
  if (opts.skipValidate) return def;
  validateDomain(def);
  validateQemu(def, caps.domainTypes(probe));
  return def;
}

/** The QEMU binary a definition runs on (virQEMUCapsCacheLookup by emulator and arch). */
export async function probeFor(def: DomainDef, caps: QemuCaps): Promise<QemuProbe> {
  const probe = await caps.probeForArch(def.os.arch, def.emulator);
  if (!probe) throw virErr('CONFIG_UNSUPPORTED', `No emulator found for arch '${def.os.arch}'`);
  return probe;
}

/**
 * virDomainDefPostParse with the QEMU driver's callbacks on a parsed definition; device edits
 * run it again on the edited copy, so defaults, controllers and addresses follow the change.
 */
export async function postParseQemuDef(def: DomainDef, caps: QemuCaps): Promise<QemuProbe> {
  const probe = await probeFor(def, caps);
  postParseQemuDomain(def, probe);
  for (const d of def.devices) postParseQemuDevice(def, d, probe);
  postParse(def);
  for (const d of def.devices) postParseQemuDevice(def, d, probe);
  assignVirtioSerialAddresses(def);
  assignPciAddresses(def);
  assignUsbAddresses(def);
  return probe;
}
