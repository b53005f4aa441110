// The domain XML a save image carries: qemuDomainDefFormatLive(inactive, compatible), i.e. the
// live definition formatted INACTIVE | SECURE | MIGRATABLE, which leaves out what an older
// libvirt would add by itself (the default USB controller and pci-root, the PS/2 keyboard).
// Reading the image parses it back, and parsing adds those again.
import { formatDomainXML, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_MIGRATABLE, VIR_DOMAIN_XML_SECURE, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { dropGeneratedLabels } from '../lifecycle/live-def.js';
import { isI440fx } from '../defaults/machine.js';

export const IMAGE_XML_FLAGS = VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_MIGRATABLE;

const isController = (d: DeviceDef, type: string) => d.kind === 'controller' && attr(d.el, 'type') === type;
const userAlias = (d: DeviceDef) => d.info.alias?.startsWith('ua-') ?? false;

function sole(def: DomainDef, type: string): DeviceDef | undefined {
  const all = def.devices.filter((d) => isController(d, type));
  return all.length === 1 ? all[0] : undefined;
}

/** What qemuDomainDefFormatBufInternal and virDomainInputDefFormat leave out of migratable XML. */
function implicitDevices(def: DomainDef): DeviceDef[] {
  const out: DeviceDef[] = [];
  const usb = sole(def, 'usb');
  const usbModel = usb && attr(usb.el, 'model');
  if (usb && isI440fx(def) && attr(usb.el, 'index') === '0' && (usbModel === undefined || usbModel === 'piix3-uhci') && !userAlias(usb)) out.push(usb);
  const pci = sole(def, 'pci');
  if (pci && attr(pci.el, 'index') === '0' && attr(pci.el, 'model') === 'pci-root' && !userAlias(pci) && !sub(sub(pci.el, 'target'), 'pcihole64')) out.push(pci);
  for (const d of def.devices) {
    const bus = attr(d.el, 'bus');
    if (d.kind === 'input' && attr(d.el, 'type') === 'keyboard' && (bus === 'ps2' || bus === 'xen')) out.push(d);
  }
  return out;
}

/**
 * The inactive view of a live definition: the aliases libvirt gave devices and the labels a
 * dynamic seclabel was given at start are runtime state, left out of inactive XML.
 */
function dropRuntimeData(def: DomainDef): void {
  for (const d of def.devices) if (!userAlias(d)) delete d.info.alias;
  dropGeneratedLabels(def.seclabels);
}

export function imageXML(def: DomainDef): string {
  const copy = structuredClone(def);
  const drop = implicitDevices(copy);
  copy.devices = copy.devices.filter((d) => !drop.includes(d));
  dropRuntimeData(copy);
  return formatDomainXML(copy, { flags: IMAGE_XML_FLAGS, id: -1 });
}
