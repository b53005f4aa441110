/** Network XML → NetworkDef with libvirt's validation errors (virNetworkDefParseXML). */
import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { parseRootElement, textContent, xstr } from './document.js';
import { generateUUID, isMulticastMAC, parseMAC, parseUUID } from '../ids.js';
import { applyMask, formatIp, ipEqual, ipPrefix, prefixToMask } from './ipaddr.js';
import type { ForwardMode, NetworkDef, PortGroupDef } from './model.js';
import { propTristate } from './props.js';
import { parseDns, emptyDns } from './parse-dns.js';
import { emptyForward, parseForward } from './parse-forward.js';
import { parseIpDef } from './parse-ip.js';
import { parseRoute } from './parse-route.js';
import { parseBandwidth, parseVlan } from './netdev.js';
import { parseVirtualPort } from './vport.js';

const optional = <T>(node: XNode | undefined, parse: (n: XNode) => T): T | undefined => (node ? parse(node) : undefined);

export function parsePortGroup(node: XNode): PortGroupDef {
  const name = xstr(node.attrs.name);
  if (name === undefined) throw virErr('XML_ERROR', 'Missing required name attribute in portgroup');
  return {
    name,
    isDefault: (xstr(node.attrs.default) ?? '').toLowerCase() === 'yes',
    trustGuestRxFilters: propTristate(node, 'trustGuestRxFilters'),
    virtualport: optional(child(node, 'virtualport'), (n) => parseVirtualPort(n, false)),
    bandwidth: optional(child(node, 'bandwidth'), (n) => parseBandwidth(n, false)),
    vlan: optional(child(node, 'vlan'), parseVlan),
  };
}

/** Every static route's gateway must be on the network of one of its <ip> addresses. */
function checkRouteGateways(def: NetworkDef): void {
  for (const r of def.routes) {
    const reachable = def.ips.some((ip) => {
      if (ip.address.family !== r.gateway.family) return false;
      const mask = prefixToMask(ipPrefix(ip.address, ip.netmask, ip.prefix), ip.address.family);
      return mask !== undefined && ipEqual(applyMask(ip.address, mask), applyMask(r.gateway, mask));
    });
    if (!reachable) {
      throw virErr(
        'CONFIG_UNSUPPORTED',
        `unreachable static route gateway '${formatIp(r.gateway)}' specified for network '${def.name}'`,
      );
    }
  }
}

const L3_MODES: readonly ForwardMode[] = ['route', 'nat', 'open'];
const NO_BRIDGE_MODES: readonly ForwardMode[] = ['private', 'vepa', 'passthrough', 'hostdev'];

/** The checks that tie the bridge, mtu and addresses to the forward mode. */
function checkForwardMode(def: NetworkDef, stpGiven: boolean): void {
  const mode = def.forward.mode;
  if (L3_MODES.includes(mode)) {
    if (def.ips.length === 0) {
      throw virErr('XML_ERROR', `${mode} forwarding requested, but no IP address provided for network '${def.name}'`);
    }
    if (def.forward.ifs.length > 1) {
      throw virErr('XML_ERROR', `multiple forwarding interfaces specified for network '${def.name}', only one is supported`);
    }
    if (mode === 'open' && def.forward.ifs.length) {
      throw virErr('XML_ERROR', `forward dev not allowed for network '${def.name}' with forward mode='${mode}'`);
    }
  }
  if (NO_BRIDGE_MODES.includes(mode)) {
    if (def.bridge !== undefined) {
      throw virErr('XML_ERROR', `bridge name not allowed in ${mode} mode (network '${def.name}')`);
    }
    if (def.bridgeZone !== undefined) {
      throw virErr('XML_ERROR', `bridge zone not allowed in ${mode} mode (network '${def.name}')`);
    }
    if (def.macTableManager) {
      throw virErr('XML_ERROR', `bridge macTableManager setting not allowed in ${mode} mode (network '${def.name}')`);
    }
  }
  if (NO_BRIDGE_MODES.includes(mode) || mode === 'bridge') {
    if (def.delay || stpGiven || def.bridgeZone !== undefined) {
      throw virErr(
        'XML_ERROR',
        `bridge delay/stp/zone options only allowed in route, nat, and isolated mode, not in ${mode} (network '${def.name}')`,
      );
    }
    if (def.bridge !== undefined && (def.forward.ifs.length || def.forward.pf !== undefined)) {
      throw virErr(
        'XML_ERROR',
        `A network with forward mode='${mode}' can specify a bridge name or a forward dev, but not both (network '${def.name}')`,
      );
    }
  }
  if (def.mtu && !['none', ...L3_MODES].includes(mode)) {
    throw virErr('XML_ERROR', `mtu size only allowed in open, route, nat, and isolated mode, not in ${mode} (network '${def.name}')`);
  }
}

/** Parses a <network> element already extracted from its document. */
export function parseNetworkNode(root: XNode): NetworkDef {
  const name = xstr(textContent(child(root, 'name')));
  if (name === undefined) throw virErr('NO_NAME');
  if (name.includes('/')) throw virErr('XML_DETAIL', 'invalid char in name: /');
  const uuidText = xstr(textContent(child(root, 'uuid')));
  let uuid: string;
  if (uuidText === undefined) uuid = generateUUID();
  else {
    const parsed = parseUUID(uuidText);
    if (!parsed) throw virErr('INTERNAL_ERROR', 'malformed uuid element');
    uuid = parsed;
  }
  const ipv6 = xstr(root.attrs.ipv6);
  if (ipv6 !== undefined && ipv6 !== 'yes' && ipv6 !== 'no') {
    throw virErr('XML_ERROR', `Invalid ipv6 setting '${ipv6}' in network '${name}'`);
  }
  const def: NetworkDef = {
    name,
    uuid,
    ipv6nogw: ipv6 === 'yes',
    trustGuestRxFilters: propTristate(root, 'trustGuestRxFilters'),
    forward: emptyForward(),
    stp: true,
    delay: 0,
    dns: emptyDns(),
    ips: [],
    routes: [],
    portGroups: [],
  };
  const domainNode = child(root, 'domain');
  def.domain = domainNode?.attrs.name;
  def.domainLocalOnly = propTristate(domainNode, 'localOnly');
  def.bandwidth = optional(child(root, 'bandwidth'), (n) => parseBandwidth(n, false));
  def.vlan = optional(child(root, 'vlan'), parseVlan);
  def.isolatedPort = propTristate(child(root, 'port'), 'isolated');

  const bridge = child(root, 'bridge');
  def.bridge = xstr(bridge?.attrs.name);
  def.bridgeZone = xstr(bridge?.attrs.zone);
  const stp = xstr(bridge?.attrs.stp);
  def.stp = stp !== 'off';
  const delay = xstr(bridge?.attrs.delay);
  if (delay !== undefined) {
    if (!/^\s*\+?\d+$/.test(delay) || Number(delay) > 2 ** 64) {
      throw virErr('XML_ERROR', `Invalid delay value in network '${name}'`);
    }
    def.delay = Number(delay);
  }
  const mtm = xstr(bridge?.attrs.macTableManager);
  if (mtm !== undefined) {
    if (mtm !== 'kernel' && mtm !== 'libvirt') {
      throw virErr('XML_ERROR', `Invalid macTableManager setting '${mtm}' in network '${name}'`);
    }
    def.macTableManager = mtm;
  }
  const macText = xstr(child(root, 'mac')?.attrs.address);
  if (macText !== undefined) {
    const mac = parseMAC(macText);
    if (!mac) throw virErr('XML_ERROR', `Invalid bridge mac address '${macText}' in network '${name}'`);
    if (isMulticastMAC(mac)) {
      throw virErr('XML_ERROR', `Invalid multicast bridge mac address '${macText}' in network '${name}'`);
    }
    def.mac = mac;
  }
  const mtuText = xstr(child(root, 'mtu')?.attrs.size);
  if (mtuText !== undefined) {
    if (!/^\s*[+-]?\d+$/.test(mtuText) || Math.abs(Number(mtuText)) > 0xffffffff) {
      throw virErr('XML_ERROR', `Invalid mtu size '${mtuText}' in network '${name}'`);
    }
    def.mtu = (Number(mtuText) + 2 ** 32) % 2 ** 32;
  }
  const dns = child(root, 'dns');
  if (dns) def.dns = parseDns(name, dns);
  def.virtualport = optional(child(root, 'virtualport'), (n) => parseVirtualPort(n, true));
  def.portGroups = children(root, 'portgroup').map(parsePortGroup);
  def.ips = children(root, 'ip').map((n) => parseIpDef(name, n));
  def.routes = children(root, 'route').map((n) => parseRoute(name, n));
  checkRouteGateways(def);
  const forward = child(root, 'forward');
  if (forward) def.forward = parseForward(name, forward);
  checkForwardMode(def, stp !== undefined);
  def.metadata = child(root, 'metadata');
  return def;
}

/**
 * virNetworkDefParse on a string: the document name in errors is "(network_definition)".
 * The schema check of VIR_NETWORK_DEFINE_VALIDATE runs before, in the driver (relaxng/check.ts).
 */
export function parseNetworkXML(xml: string): NetworkDef {
  const root = parseRootElement(xml, '(network_definition)', 'network');
  return parseNetworkNode(root);
}
