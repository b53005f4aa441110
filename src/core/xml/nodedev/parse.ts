import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { parseMdev } from './parse-mdev.js';
import { parseApCard, parseApMatrix, parseApQueue, parseCcw, parseCss } from './parse-s390.js';
import { parsePci } from './parse-pci.js';
import { parseStorage } from './parse-storage.js';
import { canonicalUuid, requiredHexId, requiredUIntMsg, str, uint } from './parse-helpers.js';
import { DRM_TYPES, LINK_STATES, NET_FEATURES, NODEDEV_CAP_TYPES, type NodeDevCap, type NodeDeviceDef } from './types.js';

/** Whether a definition describes an existing device (node file) or one to create. */
export type NodeDevParseMode = 'existing' | 'create';

/** The name libvirt gives a definition to create before the device exists. */
const NEW_DEVICE_NAME = 'new device';

/** virNodeDevCapsDefParseUInt: a required unsigned value with its two error texts. */
function requiredUInt(node: XNode, name: string, what: string, devName: string): number {
  const v = uint(node, name);
  if (v === undefined) throw virErr('INTERNAL_ERROR', `no ${what} supplied for '${devName}'`);
  if (Number.isNaN(v)) throw virErr('INTERNAL_ERROR', `invalid ${what} supplied for '${devName}'`);
  return v;
}

/** virXMLPropEnum with VIR_XML_PROP_REQUIRED. */
function requiredEnum<T extends string>(node: XNode, attr: string, values: readonly T[]): T {
  const v = node.attrs[attr];
  if (v === undefined) throw virErr('XML_ERROR', `Missing required attribute '${attr}' in element '${node.name}'`);
  if (!values.includes(v as T)) {
    throw virErr('XML_ERROR', `Invalid value for attribute '${attr}' in element '${node.name}': '${v}'.`);
  }
  return v as T;
}

function parseSystem(node: XNode, devName: string): NodeDevCap {
  const hw = child(node, 'hardware');
  const fw = child(node, 'firmware');
  const uuidText = str(hw, 'uuid');
  if (uuidText === undefined) throw virErr('INTERNAL_ERROR', `no system UUID supplied for '${devName}'`);
  const uuid = canonicalUuid(uuidText);
  if (!uuid) throw virErr('INTERNAL_ERROR', `malformed uuid element for '${devName}'`);
  return {
    type: 'system',
    product: str(node, 'product'),
    hardware: { vendor: str(hw, 'vendor'), version: str(hw, 'version'), serial: str(hw, 'serial'), uuid },
    firmware: { vendor: str(fw, 'vendor'), version: str(fw, 'version'), releaseDate: str(fw, 'release_date') },
  };
}

function parseScsiHost(node: XNode, devName: string, mode: NodeDevParseMode): NodeDevCap {
  let host = 0;
  let uniqueId = -1;
  if (mode === 'existing') {
    host = requiredUInt(node, 'host', 'SCSI host ID', devName);
    const t = str(node, 'unique_id');
    if (t !== undefined) {
      if (!/^\s*[-+]?\d+$/.test(t) || Math.abs(Number(t)) > 0x7fffffff) {
        throw virErr('INTERNAL_ERROR', `invalid unique_id supplied for '${devName}'`);
      }
      uniqueId = Number(t);
    }
  }
  const cap: NodeDevCap = { type: 'scsi_host', host, uniqueId };
  for (const sub of children(node, 'capability')) {
    const type = sub.attrs.type;
    if (type === undefined) throw virErr('INTERNAL_ERROR', `missing SCSI host capability type for '${devName}'`);
    if (type === 'vport_ops') {
      // The counts are the host's live state, never read from XML.
      cap.vportOps = { maxVports: 0, vports: 0 };
    } else if (type === 'fc_host') {
      const wwnn = str(sub, 'wwnn');
      const wwpn = str(sub, 'wwpn');
      // libvirt would generate missing names, but needs a hypervisor type the test driver
      // does not pass, so generation always fails there.
      if (wwnn === undefined) throw virErr('INTERNAL_ERROR', `no WWNN supplied for '${devName}', and auto-generation failed`);
      if (wwpn === undefined) throw virErr('INTERNAL_ERROR', `no WWPN supplied for '${devName}', and auto-generation failed`);
      cap.fc = { wwnn, wwpn, fabricWwn: str(sub, 'fabric_wwn') };
    } else {
      throw virErr('INTERNAL_ERROR', `unknown SCSI host capability type '${type}' for '${devName}'`);
    }
  }
  return cap;
}

function parseScsiTarget(node: XNode, devName: string): NodeDevCap {
  const target = str(node, 'target');
  if (target === undefined) throw virErr('INTERNAL_ERROR', `no target name supplied for '${devName}'`);
  const cap: NodeDevCap = { type: 'scsi_target', target };
  for (const sub of children(node, 'capability')) {
    const type = sub.attrs.type;
    if (type === undefined) throw virErr('INTERNAL_ERROR', `missing type for SCSI target capability for '${devName}'`);
    if (type !== 'fc_remote_port') {
      throw virErr('INTERNAL_ERROR', `unknown SCSI target capability type '${type}' for '${devName}'`);
    }
    const rport = str(sub, 'rport');
    if (rport === undefined) throw virErr('INTERNAL_ERROR', `missing rport name for '${devName}'`);
    const wwpn = str(sub, 'wwpn');
    if (wwpn === undefined) throw virErr('INTERNAL_ERROR', `missing wwpn identifier for '${devName}'`);
    cap.fcRemotePort = { rport, wwpn };
  }
  return cap;
}

function parseScsi(node: XNode, devName: string): NodeDevCap {
  return {
    type: 'scsi',
    host: requiredUInt(node, 'host', 'SCSI host ID', devName),
    bus: requiredUInt(node, 'bus', 'SCSI bus ID', devName),
    target: requiredUInt(node, 'target', 'SCSI target ID', devName),
    lun: requiredUInt(node, 'lun', 'SCSI LUN ID', devName),
    scsiType: str(node, 'type'),
  };
}

function parseUsbDevice(node: XNode, devName: string): NodeDevCap {
  const bus = requiredUIntMsg(node, 'bus', 'no USB bus number', 'invalid USB bus number', devName);
  const device = requiredUIntMsg(node, 'device', 'no USB device number', 'invalid USB device number', devName);
  const vendorNode = child(node, 'vendor');
  const productNode = child(node, 'product');
  return {
    type: 'usb_device',
    bus,
    device,
    vendor: requiredHexId(vendorNode?.attrs.id, 'USB vendor ID', devName),
    product: requiredHexId(productNode?.attrs.id, 'USB product ID', devName),
    vendorName: str(node, 'vendor'),
    productName: str(node, 'product'),
  };
}

function parseUsbInterface(node: XNode, devName: string): NodeDevCap {
  const field = (name: string, what: string) =>
    requiredUIntMsg(node, name, `no USB interface ${what}`, `invalid USB interface ${what}`, devName);
  return {
    type: 'usb',
    number: field('number', 'number'),
    klass: field('class', 'class'),
    subclass: field('subclass', 'subclass'),
    protocol: field('protocol', 'protocol'),
    description: str(node, 'description'),
  };
}

function parseNet(node: XNode, devName: string): NodeDevCap {
  const ifname = str(node, 'interface');
  if (ifname === undefined) throw virErr('INTERNAL_ERROR', `no network interface supplied for '${devName}'`);
  const set = new Set<string>();
  for (const f of children(node, 'feature')) {
    const name = f.attrs.name;
    if (name === undefined) throw virErr('XML_ERROR', 'missing network device feature name');
    if (!(NET_FEATURES as readonly string[]).includes(name)) throw virErr('XML_ERROR', `unknown network device feature '${name}'`);
    set.add(name);
  }
  const cap: NodeDevCap = {
    type: 'net',
    ifname,
    address: str(node, 'address'),
    link: { state: '', speed: 0 },
    features: NET_FEATURES.filter((f) => set.has(f)),
  };
  const subtype = child(node, 'capability')?.attrs.type;
  if (subtype) {
    if (subtype !== '80203' && subtype !== '80211') {
      throw virErr('CONFIG_UNSUPPORTED', `invalid network type supplied for '${devName}'`);
    }
    cap.subtype = subtype;
  }
  const link = child(node, 'link');
  if (link) {
    const state = link.attrs.state;
    if (state !== undefined) {
      if (!(LINK_STATES as readonly string[]).includes(state)) {
        throw virErr('XML_ERROR', `Invalid value for attribute 'state' in element 'link': '${state}'.`);
      }
      cap.link.state = state as (typeof LINK_STATES)[number];
    }
    const speed = link.attrs.speed;
    if (speed !== undefined) {
      if (!/^\s*\+?\d+$/.test(speed) || Number(speed) > 0xffffffff) {
        throw virErr('XML_ERROR', `Invalid value for attribute 'speed' in element 'link': '${speed}'. Expected non-negative integer value`);
      }
      cap.link.speed = Number(speed);
    }
  }
  return cap;
}

function parseDrm(node: XNode, devName: string): NodeDevCap {
  const text = str(node, 'type');
  const drmType = DRM_TYPES.find((t) => t === text);
  // An absent or empty type is a NULL string, which libvirt's message prints as "(null)".
  if (!drmType) throw virErr('CONFIG_UNSUPPORTED', `unknown drm type '${text ?? '(null)'}' for '${devName}'`);
  return { type: 'drm', drmType };
}

function parseCap(node: XNode, devName: string, mode: NodeDevParseMode): NodeDevCap {
  const type = requiredEnum(node, 'type', NODEDEV_CAP_TYPES);
  switch (type) {
    case 'system':
      return parseSystem(node, devName);
    case 'pci':
      return parsePci(node, devName);
    case 'storage':
      return parseStorage(node, devName);
    case 'mdev':
      return parseMdev(node, devName);
    case 'ccw':
      return parseCcw(node, devName);
    case 'css':
      return parseCss(node, devName);
    case 'ap_card':
      return parseApCard(node, devName);
    case 'ap_queue':
      return parseApQueue(node, devName);
    case 'ap_matrix':
      return parseApMatrix(node);
    case 'scsi_host':
      return parseScsiHost(node, devName, mode);
    case 'scsi_target':
      return parseScsiTarget(node, devName);
    case 'scsi':
      return parseScsi(node, devName);
    case 'usb_device':
      return parseUsbDevice(node, devName);
    case 'usb':
      return parseUsbInterface(node, devName);
    case 'drm':
      return parseDrm(node, devName);
    case 'net':
      return parseNet(node, devName);
    default:
      // mdev_types, fc_host, vports, scsi_generic, vdpa and vpd only exist nested; libvirt
      // names the enum value in its refusal.
      throw virErr('INTERNAL_ERROR', `unknown capability type '${NODEDEV_CAP_TYPES.indexOf(type)}' for '${devName}'`);
  }
}

/** virNodeDeviceDefParseXML over a parsed <device> element. */
export function parseNodeDevice(root: XNode, mode: NodeDevParseMode): NodeDeviceDef {
  let name = NEW_DEVICE_NAME;
  if (mode === 'existing') {
    const n = str(root, 'name');
    if (n === undefined) throw virErr('NO_NAME');
    name = n;
  }
  const def: NodeDeviceDef = { name, path: str(root, 'path'), devlinks: [], caps: [] };
  for (const dn of children(root, 'devnode')) {
    const type = requiredEnum(dn, 'type', ['dev', 'link'] as const);
    if (type === 'dev') def.devnode = dn.text;
    else def.devlinks.push(dn.text);
  }
  const parent = child(root, 'parent');
  def.parent = str(root, 'parent');
  def.parentWwnn = parent?.attrs.wwnn || undefined;
  def.parentWwpn = parent?.attrs.wwpn || undefined;
  if (def.parentWwnn && !def.parentWwpn) {
    throw virErr('XML_ERROR', `when providing parent wwnn='${def.parentWwnn}', the wwpn must also be provided`);
  }
  if (!def.parentWwnn && def.parentWwpn) {
    throw virErr('XML_ERROR', `when providing parent wwpn='${def.parentWwpn}', the wwnn must also be provided`);
  }
  def.parentFabricWwn = parent?.attrs.fabric_wwn || undefined;
  const caps = children(root, 'capability');
  if (caps.length === 0) throw virErr('INTERNAL_ERROR', `no device capabilities for '${name}'`);
  def.caps = caps.map((c) => parseCap(c, name, mode));
  return def;
}
