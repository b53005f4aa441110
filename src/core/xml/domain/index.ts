/**
 * The domain XML model: parse (with libvirt's validation errors), fill the test driver's
 * defaults, and format in libvirt's canonical form. The contract the drivers and commands use:
 * DomainDef, parseDomainXML, formatDomainXML; device helpers for attach/detach.
 */
import { hideNamespacedElements } from '../network/document.js';
import { parseXmlDocument } from '../parse.js';
import type { XNode } from '../tree.js';
import { parseDomainRoot } from './parse.js';
import { postParse } from './postparse.js';
import { validateDomain } from './validate.js';
import { formatDomain } from './format.js';
import type { DomainDef } from './types.js';

export type { DomainDef, DeviceDef, DeviceKind, DeviceInfo, OsDef, ClockDef } from './types.js';
export type { Elem } from './elem.js';
export type { Address } from './address.js';
export { VIR_DOMAIN_XML_SECURE, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_UPDATE_CPU, VIR_DOMAIN_XML_MIGRATABLE } from './format.js';
export { generateUUID, generateMAC, parseUUID, parseMAC } from '../ids.js';

export interface DomainParseOptions {
  /** The driver's hypervisor type, for `<domain type>` checks ('test' for the test driver). */
  driverType: string;
  /** Parse as live status XML (keeps `id=` and driver-made aliases); default: persistent definition. */
  live?: boolean;
}

export interface DomainFormatOptions {
  /** VIR_DOMAIN_XML_* flags. */
  flags: number;
  /** Running id, or -1 / undefined when inactive (the `id=` attribute). */
  id?: number;
}

/** virDomainDefParseString + post-parse + validation, as the test driver calls it. */
export function parseDomainXML(xml: string, opts: DomainParseOptions): DomainDef {
  // libvirt's XPath reads do not see elements in a default namespace (xmlns="…").
  return parseDomainNode(hideNamespacedElements(parseXmlDocument(xml, '(domain_definition)', 'domain', 'DOMAIN')), opts);
}

/** virDomainDefParseNode: the same from an element already parsed (a node file's <domain>). */
export function parseDomainNode(root: XNode, opts: DomainParseOptions): DomainDef {
  const def = parseDomainRoot(root, { inactive: !opts.live });
  postParse(def);
  validateDomain(def);
  return def;
}

/** virDomainDefFormat with VIR_DOMAIN_XML_* flags. */
export function formatDomainXML(def: DomainDef, opts: DomainFormatOptions): string {
  return formatDomain(def, opts);
}
export { diskView, interfaceView, graphicsView, setInterfaceIfname, assignTestIfnames, deviceType } from './devices/accessors.js';
export type { DiskView, InterfaceView, GraphicsView } from './devices/accessors.js';
export { parseDeviceXML, formatDeviceXML, findDevice, findDiskByName, findInterface } from './devices/single.js';
export { insertDevice } from './devices/list.js';
