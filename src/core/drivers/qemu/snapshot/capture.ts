import { formatDomainXML, insertDevice, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_MIGRATABLE, VIR_DOMAIN_XML_SECURE, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { parseXmlDocument } from '../../../xml/parse.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { parseQemuEmbeddedDomain } from './embedded.js';
import { dropGeneratedLabels, implicitSeclabels } from '../lifecycle/live-def.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { isI440fx } from '../defaults/machine.js';
import { orderParsedControllers } from '../defaults/controllers.js';

const isController = (d: DeviceDef, type: string) => d.kind === 'controller' && attr(d.el, 'type') === type;
const userAlias = (d: DeviceDef) => attr(sub(d.el, 'alias'), 'name')?.startsWith('ua-') ?? false;

/** The only controller of `type`, when there is exactly one. */
function sole(def: DomainDef, type: string): DeviceDef | undefined {
  const all = def.devices.filter((d) => isController(d, type));
  return all.length === 1 ? all[0] : undefined;
}

/** The implicit controllers qemuDomainDefFormatBufInternal leaves out of migratable XML. */
function droppedControllers(def: DomainDef): DeviceDef[] {
  const usb = sole(def, 'usb');
  const usbModel = usb && attr(usb.el, 'model');
  const dropUsb =
    usb && isI440fx(def) && attr(usb.el, 'index') === '0' && (usbModel === undefined || usbModel === 'piix3-uhci') && !userAlias(usb);
  const pci = sole(def, 'pci');
  const dropPci =
    pci && attr(pci.el, 'index') === '0' && attr(pci.el, 'model') === 'pci-root' && !userAlias(pci) && !sub(sub(pci.el, 'target'), 'pcihole64');
  return [dropUsb ? usb : undefined, dropPci ? pci : undefined].filter((d): d is DeviceDef => d !== undefined);
}

/**
 * qemuSnapshotCreateAlignDisks' copy of the domain: libvirt formats it as migratable XML and
 * parses that back. The default USB controller and pci-root are left out of that XML and
 * the parse adds them again after the controllers it read, so they move behind the others.
 */
export function captureDomain(def: DomainDef): DomainDef {
  const copy = structuredClone(def);
  const readded = droppedControllers(copy);
  copy.devices = copy.devices.filter((d) => !readded.includes(d));
  orderParsedControllers(copy);
  for (const c of readded) insertDevice(copy.devices, c);
  return copy;
}

/**
 * The same for a running domain: its live definition formatted as migratable XML, with the
 * CPU as defined rather than as QEMU runs it and without a DAC label generated in this
 * process (see implicitSeclabels), and parsed back as an inactive definition
 * (inactive XML has no aliases or source indexes; a dynamic label's generated values go too).
 */
export function captureLiveDomain(obj: QemuDomainObj): DomainDef {
  const seclabels = obj.def.seclabels.filter((s) => !implicitSeclabels.has(s));
  const view = structuredClone({ ...obj.def, seclabels, ...(obj.origCpu ? { cpu: obj.origCpu } : {}) });
  dropGeneratedLabels(view.seclabels);
  const xml = formatDomainXML(view, { flags: VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_MIGRATABLE, id: -1 });
  return captureDomain(parseQemuEmbeddedDomain(parseXmlDocument(xml, '(domain_definition)', 'domain', 'DOMAIN')));
}
