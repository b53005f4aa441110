/** Interface XML → InterfaceDef with libvirt's errors (virInterfaceDefParseXML). */
import { ErrorCodes, ErrorDomains } from '../../error-codes.js';
import { VirError, virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { parseRootElement, xstr } from '../network/document.js';
import { propEnum, propUInt, xpathInt } from '../network/props.js';
import {
  BOND_MODES,
  INTERFACE_TYPES,
  LINK_STATES,
  START_MODES,
  type BondDef,
  type InterfaceDef,
  type InterfaceIp,
  type InterfaceProtocol,
  type InterfaceType,
} from './model.js';

const xmlErr = (m: string) => virErr('XML_ERROR', m, 'INTERFACE');

/** A parse that fails without reporting why: libvirt's dispatcher supplies this text. */
const unknownCause = () =>
  new VirError(ErrorCodes.INTERNAL_ERROR[0], 'An error occurred, but the cause is unknown', ErrorDomains.INTERFACE);

function parseIp(node: XNode): InterfaceIp | undefined {
  const address = node.attrs.address;
  if (address === undefined) return undefined;
  const p = node.attrs.prefix;
  let prefix = 0;
  if (p !== undefined) {
    const n = xpathInt(node, 'prefix');
    if (typeof n !== 'number') {
      throw xmlErr(`Invalid value for attribute 'prefix' in element 'ip': '${p}'. Expected integer value`);
    }
    prefix = n;
  }
  return { address, prefix };
}

function parseProtocol(node: XNode): InterfaceProtocol {
  const family = node.attrs.family;
  if (family === undefined) throw xmlErr('protocol misses the family attribute');
  if (family !== 'ipv4' && family !== 'ipv6') throw xmlErr(`unsupported protocol family '${family}'`);
  const proto: InterfaceProtocol = { family, autoconf: false, dhcp: false, ips: [] };
  proto.gateway = xstr(children(node, 'route')[0]?.attrs.gateway);
  if (family === 'ipv6' && child(node, 'autoconf')) proto.autoconf = true;
  const dhcp = child(node, 'dhcp');
  if (dhcp) {
    proto.dhcp = true;
    proto.peerdns = propEnum(dhcp, 'peerdns', ['yes', 'no'] as const);
  }
  for (const ip of children(node, 'ip')) {
    const parsed = parseIp(ip);
    // An <ip> without an address still counts, but is never printed.
    proto.ips.push(parsed ?? { address: '', prefix: 0 });
  }
  return proto;
}

function parseBond(node: XNode): BondDef {
  const mode = xstr(node.attrs.mode);
  if (mode !== undefined && !(BOND_MODES as readonly string[]).includes(mode)) throw xmlErr(`unknown bonding mode ${mode}`);
  const bond: BondDef = { mode, frequency: 0, downdelay: 0, updelay: 0, interval: 0, itfs: [] };
  bond.itfs = children(node, 'interface').map((c) => parseInterfaceNode(c, 'bond'));
  const mii = children(node, 'miimon');
  const arp = children(node, 'arpmon');
  if (mii.length) {
    bond.monitor = 'mii';
    const freq = xpathInt(mii[0], 'freq');
    if (typeof freq !== 'number') throw xmlErr('bond interface miimon freq missing or invalid');
    bond.frequency = freq;
    const down = xpathInt(mii[0], 'downdelay');
    if (down === 'invalid') throw xmlErr('bond interface miimon downdelay invalid');
    if (typeof down === 'number') bond.downdelay = down;
    const up = xpathInt(mii[0], 'updelay');
    if (up === 'invalid') throw xmlErr('bond interface miimon updelay invalid');
    if (typeof up === 'number') bond.updelay = up;
    const carrier = xstr(mii[0].attrs.carrier);
    if (carrier !== undefined && carrier !== 'ioctl' && carrier !== 'netif') throw xmlErr(`unknown mii bonding carrier ${carrier}`);
    bond.carrier = carrier;
  } else if (arp.length) {
    bond.monitor = 'arp';
    const interval = xpathInt(arp[0], 'interval');
    if (typeof interval !== 'number') throw xmlErr('bond interface arpmon interval missing or invalid');
    bond.interval = interval;
    bond.target = xstr(arp[0].attrs.target);
    if (bond.target === undefined) throw xmlErr('bond interface arpmon target missing');
    const validate = xstr(arp[0].attrs.validate);
    if (validate !== undefined && !['active', 'backup', 'all'].includes(validate)) {
      throw xmlErr(`unknown arp bonding validate ${validate}`);
    }
    bond.validate = validate;
  }
  return bond;
}

/** Which nested interface types each parent allows. */
const ALLOWED_CHILDREN: Record<string, readonly InterfaceType[]> = {
  bond: ['ethernet'],
  bridge: ['ethernet', 'bond', 'vlan'],
  ethernet: [],
  vlan: [],
};

export function parseInterfaceNode(node: XNode, parent?: InterfaceType): InterfaceDef {
  const type = propEnum(node, 'type', INTERFACE_TYPES, true)!;
  if (parent && !ALLOWED_CHILDREN[parent].includes(type)) throw xmlErr(`interface has unsupported type '${type}'`);
  const name = node.attrs.name;
  if (name === undefined) throw xmlErr('interface has no name');
  const def: InterfaceDef = { type, name, mtu: 0, protocols: [], link: {} };
  if (!parent) {
    const start = xstr(child(node, 'start')?.attrs.mode);
    if (start !== undefined && !(START_MODES as readonly string[]).includes(start)) {
      throw xmlErr(`unknown interface startmode ${start}`);
    }
    def.startMode = start;
    const mtuText = xstr(child(node, 'mtu')?.attrs.size);
    if (mtuText !== undefined) {
      // virXPathUInt (virStrToLong_uip): no sign but '+'; its failure reports nothing.
      const m = /^\s*\+?(\d+)$/.exec(mtuText);
      const n = m ? Number(m[1]) : NaN;
      if (Number.isNaN(n) || n > 0xffffffff) throw unknownCause();
      def.mtu = n;
      if (def.mtu > 100000) throw xmlErr("value of the 'size' attribute of 'mtu' element must be at most 100000");
    }
    def.protocols = children(node, 'protocol').map(parseProtocol);
  }
  if (type !== 'bridge') {
    const link = child(node, 'link');
    if (link) def.link = { state: propEnum(link, 'state', LINK_STATES), speed: propUInt(link, 'speed') };
  }
  if (type === 'ethernet') {
    def.mac = xstr(child(node, 'mac')?.attrs.address);
  } else if (type === 'bridge') {
    const br = child(node, 'bridge');
    if (!br) throw xmlErr('bridge interface misses the bridge element');
    const stp = br.attrs.stp;
    const stpOk = stp === undefined || stp === 'on' || stp === 'off';
    // libvirt reports a bad stp value but stops reading the bridge without failing, so
    // the definition still succeeds with no delay and no enslaved interfaces.
    def.bridge = stpOk
      ? {
          stp: stp === undefined ? undefined : stp === 'on',
          delay: br.attrs.delay,
          itfs: children(br, 'interface').map((c) => parseInterfaceNode(c, 'bridge')),
        }
      : { itfs: [] };
  } else if (type === 'bond') {
    const b = child(node, 'bond');
    if (!b) throw xmlErr('bond interface misses the bond element');
    def.bond = parseBond(b);
  } else {
    const v = child(node, 'vlan');
    if (!v) throw xmlErr('vlan interface misses the vlan element');
    const tag = xstr(v.attrs.tag);
    if (tag === undefined) throw xmlErr('vlan interface misses the tag attribute');
    const dev = xstr(child(v, 'interface')?.attrs.name);
    if (dev === undefined) throw xmlErr('vlan interface misses name attribute');
    def.vlan = { tag, dev };
  }
  return def;
}

/** virInterfaceDefParseString: the document name in errors is "(interface_definition)". */
export function parseInterfaceXML(xml: string): InterfaceDef {
  return parseInterfaceNode(parseRootElement(xml, '(interface_definition)', 'interface', 'INTERFACE'));
}
