import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { propEnum, propInt, propUInt } from '../domain/numbers.js';
import { parseVpd } from './parse-vpd.js';
import { requiredHexId, requiredUIntMsg, str } from './parse-helpers.js';
import { PCI_HEADER_TYPES, PCIE_LINK_SPEEDS, type MdevType, type PciAddress, type PciCap, type PcieLink } from './types.js';

/** virPCIDeviceAddressParseXML (without zPCI): base-0 attributes, range-checked unless all zero. */
export function parsePciAddress(node: XNode): PciAddress {
  const addr = {
    domain: propUInt(node, 'domain', 0) ?? 0,
    bus: propUInt(node, 'bus', 0) ?? 0,
    slot: propUInt(node, 'slot', 0) ?? 0,
    function: propUInt(node, 'function', 0) ?? 0,
  };
  propEnum(node, 'multifunction', ['absent', 'on', 'off'] as const, { nonzero: true });
  if (!addr.domain && !addr.bus && !addr.slot) return addr;
  const bad = (msg: string) => virErr('XML_ERROR', msg);
  if (addr.bus > 0xff) throw bad(`Invalid PCI address bus='0x${addr.bus.toString(16)}', must be <= 0xFF`);
  if (addr.slot > 0x1f) throw bad(`Invalid PCI address slot='0x${addr.slot.toString(16)}', must be <= 0x1F`);
  if (addr.function > 7) throw bad(`Invalid PCI address function=0x${addr.function.toString(16)}, must be <= 7`);
  return addr;
}

/** virNodeDevCapMdevTypesParseXML: each <type> needs an id, a device API and a count. */
export function parseMdevTypes(node: XNode): MdevType[] {
  return children(node, 'type').map((t) => {
    const id = t.attrs.id;
    if (!id) throw virErr('XML_ERROR', "missing 'id' attribute for mediated device's <type> element");
    const deviceApi = str(t, 'deviceAPI');
    if (deviceApi === undefined) throw virErr('XML_ERROR', `missing device API for mediated device type '${id}'`);
    const count = str(t, 'availableInstances');
    const m = count === undefined ? null : /^\s*\+?(\d+)$/.exec(count);
    if (!m || Number(m[1]) > 0xffffffff) {
      throw virErr('XML_ERROR', `missing number of available instances for mediated device type '${id}'`);
    }
    return { id, name: str(t, 'name'), deviceApi, availableInstances: Number(m[1]) };
  });
}

/** virNodeDevPCICapabilityParseXML: one nested <capability> of a PCI device. */
function parsePciSubCap(node: XNode, cap: PciCap): void {
  const type = node.attrs.type;
  if (type === undefined) throw virErr('XML_ERROR', 'Missing capability type');
  if (type === 'phys_function') {
    const addr = child(node, 'address');
    if (!addr) throw virErr('XML_ERROR', "Missing address in 'phys_function' capability");
    cap.physFunction = parsePciAddress(addr);
  } else if (type === 'virt_functions') {
    const max = node.attrs.maxCount;
    let maxCount = 0;
    if (max) {
      const m = /^\s*\+?(\d+)$/.exec(max);
      if (!m || Number(m[1]) > 0xffffffff) throw virErr('XML_ERROR', "Malformed 'maxCount' parameter");
      maxCount = Number(m[1]);
    }
    cap.virtFunctions = { maxCount, addresses: children(node, 'address').map(parsePciAddress) };
  } else if (type === 'mdev_types') {
    cap.mdevTypes = [...(cap.mdevTypes ?? []), ...parseMdevTypes(node)];
  } else if (type === 'vpd') {
    cap.vpd = parseVpd(node);
  } else {
    // Header types other than a bridge, and unknown types, are ignored; the first bridge wins.
    const i = (PCI_HEADER_TYPES as readonly string[]).indexOf(type);
    if (i > 0 && !cap.headerType) cap.headerType = PCI_HEADER_TYPES[i] as PciCap['headerType'];
  }
}

/** virPCIEDeviceInfoLinkParseXML */
function parseLink(node: XNode): PcieLink {
  return {
    width: propUInt(node, 'width', 0, { required: true })!,
    speed: propEnum(node, 'speed', PCIE_LINK_SPEEDS) ?? '',
    port: propInt(node, 'port') ?? -1,
  };
}

/** strtol-style signed parse (virStrToLong_i) in a base; undefined when malformed. */
function parseInt32(text: string, base: 10 | 16): number | undefined {
  const re = base === 16 ? /^\s*([+-]?)(?:0[xX])?([0-9a-fA-F]+)$/ : /^\s*([+-]?)(\d+)$/;
  const m = re.exec(text);
  if (!m) return undefined;
  const v = (m[1] === '-' ? -1 : 1) * parseInt(m[2], base);
  return v < -0x80000000 || v > 0x7fffffff ? undefined : v;
}

/** virNodeDevCapPCIDevParseXML */
export function parsePci(node: XNode, devName: string): PciCap {
  const fail = (what: string) => virErr('INTERNAL_ERROR', `invalid ${what} supplied for '${devName}'`);
  let klass = -1;
  const classText = str(node, 'class');
  if (classText !== undefined) {
    const v = parseInt32(classText, 16);
    if (v === undefined || v > 0xffffff) throw fail('PCI class');
    klass = v;
  }
  const id = (name: string, what: string) => requiredUIntMsg(node, name, `no PCI ${what}`, `invalid PCI ${what}`, devName);
  const cap: PciCap = {
    type: 'pci',
    klass,
    domain: id('domain', 'domain ID'),
    bus: id('bus', 'bus ID'),
    slot: id('slot', 'slot ID'),
    function: id('function', 'function ID'),
    vendor: requiredHexId(child(node, 'vendor')?.attrs.id, 'PCI vendor ID', devName),
    product: requiredHexId(child(node, 'product')?.attrs.id, 'PCI product ID', devName),
    vendorName: str(node, 'vendor'),
    productName: str(node, 'product'),
    numaNode: -1,
  };
  for (const sub of children(node, 'capability')) parsePciSubCap(sub, cap);
  const group = child(node, 'iommuGroup');
  if (group) {
    cap.iommuGroup = {
      number: propUInt(group, 'number', 10, { required: true })!,
      addresses: children(group, 'address').map(parsePciAddress),
    };
  }
  const numa = child(node, 'numa')?.attrs.node;
  if (numa !== undefined && numa !== '') {
    const v = parseInt32(numa, 10);
    if (v === undefined) throw fail('NUMA node ID');
    cap.numaNode = v;
  }
  const pcie = child(node, 'pci-express');
  if (pcie) {
    const link = (validity: string) => children(pcie, 'link').find((l) => l.attrs.validity === validity);
    const cap_ = link('cap');
    const sta = link('sta');
    cap.pciExpress = { cap: cap_ && parseLink(cap_), sta: sta && parseLink(sta) };
  }
  return cap;
}
