/** <ip> with its <dhcp> and <tftp> children (virNetworkIPDefParseXML and helpers). */
import { virErr } from '../../errors.js';
import { child, type XNode } from '../tree.js';
import { localChildren, localName, xstr } from './document.js';
import { isMulticastMAC, parseMAC } from '../ids.js';
import { applyMask, formatIp, ipEqual, ipPrefix, parseIp, prefixToMask, tryParseIp, type IpAddr } from './ipaddr.js';
import { LEASE_UNITS, type DhcpHost, type DhcpRange, type IpDef, type Lease } from './model.js';
import { propEnum, propTristate, propUInt, propULongLong } from './props.js';

export function parseLease(node: XNode): Lease | undefined {
  const expiry = propULongLong(node, 'expiry');
  if (expiry === undefined) return undefined;
  const unit = propEnum(node, 'unit', LEASE_UNITS) ?? 'minutes';
  if (expiry > 0n && ((unit === 'seconds' && expiry < 120n) || (unit === 'minutes' && expiry < 2n))) {
    throw virErr('CONFIG_UNSUPPORTED', 'The minimum lease time should be greater than 2 minutes');
  }
  return { expiry, unit };
}

function firstLease(node: XNode): Lease | undefined {
  let lease: Lease | undefined;
  for (const c of localChildren(node, 'lease')) lease = parseLease(c) ?? lease;
  return lease;
}

/** virSocketAddrGetRange's checks, with its messages. */
export function checkRange(start: IpAddr, end: IpAddr, network?: IpAddr, prefix = 0): void {
  const s = formatIp(start);
  const e = formatIp(end);
  const internal = (m: string) => virErr('INTERNAL_ERROR', m);
  if (start.family !== end.family) throw internal(`mismatch of address family in range ${s} - ${e}`);
  if (network) {
    const n = formatIp(network);
    if (start.family !== network.family) throw internal(`mismatch of address family in range ${s} - ${e} for network ${n}`);
    const mask = prefix < 0 ? undefined : prefixToMask(prefix, network.family);
    if (!mask) throw internal(`bad prefix ${prefix} for network ${n} when  checking range ${s} - ${e}`);
    const net = applyMask(network, mask);
    if (!ipEqual(applyMask(start, mask), net) || !ipEqual(applyMask(end, mask), net)) {
      throw internal(`range ${s} - ${e} is not entirely within network ${n}/${prefix}`);
    }
    if (start.family === 4) {
      const bcast: IpAddr = { family: 4, bytes: net.bytes.map((b, i) => b | (~mask.bytes[i] & 0xff)) };
      if (ipEqual(start, net)) throw internal(`start of range ${s} - ${e} in network ${n}/${prefix} is the network address`);
      if (ipEqual(end, bcast)) throw internal(`end of range ${s} - ${e} in network ${n}/${prefix} is the broadcast address`);
    }
  }
  const fixed = start.family === 4 ? 2 : 14;
  for (let i = 0; i < fixed; i++) {
    if (start.bytes[i] !== end.bytes[i]) throw internal(`range ${s} - ${e} is too large (> 65535)`);
  }
  const size = (end.bytes[fixed] - start.bytes[fixed]) * 256 + (end.bytes[fixed + 1] - start.bytes[fixed + 1]);
  if (size < 0) throw internal(start.family === 4 ? `range ${s} - ${e} is reversed ` : `range ${s} - ${e} start larger than end`);
}

export function parseDhcpRange(netName: string, ip: IpDef, node: XNode): DhcpRange {
  const startText = node.attrs.start;
  if (startText === undefined) throw virErr('XML_ERROR', `Missing 'start' attribute in dhcp range for network '${netName}'`);
  const start = parseIp(startText);
  const endText = node.attrs.end;
  if (endText === undefined) throw virErr('XML_ERROR', `Missing 'end' attribute in dhcp range for network '${netName}'`);
  const end = parseIp(endText);
  checkRange(start, end, ip.address, ipPrefix(ip.address, ip.netmask, ip.prefix));
  return { start, end, lease: firstLease(node) };
}

/** virNetworkDHCPHostDefParseXML; `partial` is net-update's search form (one attribute is enough). */
export function parseDhcpHost(netName: string, ip: IpDef, node: XNode, partial: boolean): DhcpHost {
  const macText = node.attrs.mac;
  let mac: string | undefined;
  if (macText !== undefined) {
    if (ip.address.family === 6) {
      throw virErr('XML_ERROR', `Invalid to specify MAC address '${macText}' in network '${netName}' IPv6 static host definition`);
    }
    mac = parseMAC(macText);
    if (!mac) throw virErr('XML_ERROR', `Cannot parse MAC address '${macText}' in network '${netName}'`);
    if (isMulticastMAC(mac)) {
      throw virErr('XML_ERROR', `expected unicast mac address, found multicast '${macText}' in network '${netName}'`);
    }
  }
  const id = node.attrs.id;
  if (id !== undefined) {
    const bad = /[^0-9a-fA-F:]/.exec(id);
    if (bad) throw virErr('XML_ERROR', `Invalid character '${bad[0]}' in id '${id}' of network '${netName}'`);
  }
  const name = node.attrs.name;
  if (name !== undefined && !/^[A-Za-z0-9]/.test(name)) {
    throw virErr('XML_ERROR', `Cannot use host name '${name}' in network '${netName}'`);
  }
  const ipText = node.attrs.ip;
  let addr: IpAddr | undefined;
  if (ipText !== undefined) {
    addr = tryParseIp(ipText);
    if (!addr) throw virErr('XML_ERROR', `Invalid IP address in static host definition for network '${netName}'`);
  }
  if (partial) {
    if (macText === undefined && name === undefined && ipText === undefined) {
      throw virErr(
        'XML_ERROR',
        `At least one of name, mac, or ip attribute must be specified for static host definition in network '${netName}' `,
      );
    }
  } else {
    if (ip.address.family === 6) {
      if (id === undefined && name === undefined) {
        throw virErr('XML_ERROR', `Static host definition in IPv6 network '${netName}' must have id or name attribute`);
      }
    } else if (macText === undefined && name === undefined) {
      throw virErr('XML_ERROR', `Static host definition in IPv4 network '${netName}' must have mac or name attribute`);
    }
    if (ipText === undefined) {
      throw virErr('XML_ERROR', `Missing IP address in static host definition for network '${netName}'`);
    }
  }
  // libvirt keeps the MAC as written (only validated), so dumpxml shows the original text.
  return { mac: macText, id, name, ip: addr, lease: firstLease(node) };
}

function parseDhcp(netName: string, node: XNode, ip: IpDef): void {
  for (const c of node.children) {
    if (localName(c) === 'range') ip.ranges.push(parseDhcpRange(netName, ip, c));
    else if (localName(c) === 'host') ip.hosts.push(parseDhcpHost(netName, ip, c, false));
    else if (localName(c) === 'bootp' && ip.address.family === 4) {
      const file = c.attrs.file;
      if (file === undefined) continue;
      const server = c.attrs.server;
      ip.bootServer = server !== undefined ? parseIp(server) : undefined;
      ip.bootFile = file;
    }
  }
}

export function parseIpDef(netName: string, node: XNode): IpDef {
  const family = xstr(node.attrs.family);
  const addressText = xstr(node.attrs.address);
  if (!addressText) throw virErr('XML_ERROR', `Missing required address attribute in network '${netName}'`);
  const address = tryParseIp(addressText);
  if (!address) throw virErr('XML_ERROR', `Invalid address '${addressText}' in network '${netName}'`);
  const netmaskText = xstr(node.attrs.netmask);
  let netmask: IpAddr | undefined;
  if (netmaskText !== undefined) {
    netmask = tryParseIp(netmaskText);
    if (!netmask) throw virErr('XML_ERROR', `Invalid netmask '${netmaskText}' in network '${netName}'`);
  }
  const prefix = propUInt(node, 'prefix') ?? 0;
  const localPtr = propTristate(node, 'localPtr');
  if (family === undefined || family === 'ipv4') {
    if (address.family !== 4) {
      throw virErr(
        'CONFIG_UNSUPPORTED',
        `${family === undefined ? 'no' : 'ipv4'} family specified for non-IPv4 address '${addressText}' in network '${netName}'`,
      );
    }
    if (netmask) {
      if (netmask.family !== 4) {
        throw virErr(
          'CONFIG_UNSUPPORTED',
          `Invalid netmask '${netmaskText}' for address '${addressText}' in network '${netName}' (both must be IPv4)`,
        );
      }
      if (prefix > 0) {
        throw virErr('CONFIG_UNSUPPORTED', `Network '${netName}' IP address cannot have both a prefix and a netmask`);
      }
    } else if (prefix > 32) {
      throw virErr('CONFIG_UNSUPPORTED', `Invalid IPv4 prefix '${prefix}' in network '${netName}'`);
    }
  } else if (family === 'ipv6') {
    if (address.family !== 6) {
      throw virErr('CONFIG_UNSUPPORTED', `Family 'ipv6' specified for non-IPv6 address '${addressText}' in network '${netName}'`);
    }
    if (netmaskText !== undefined) {
      throw virErr('CONFIG_UNSUPPORTED', `netmask not allowed for IPv6 address '${addressText}' in network '${netName}'`);
    }
    if (prefix > 128) throw virErr('CONFIG_UNSUPPORTED', `Invalid IPv6 prefix '${prefix}' in network '${netName}'`);
  } else {
    throw virErr('XML_ERROR', `Unrecognized family '${family}' in network '${netName}'`);
  }
  const ip: IpDef = { family, address, netmask, prefix, localPtr, ranges: [], hosts: [] };
  const dhcp = child(node, 'dhcp');
  if (dhcp) parseDhcp(netName, dhcp, ip);
  const tftp = child(node, 'tftp');
  if (tftp) {
    if (address.family !== 4) {
      throw virErr('CONFIG_UNSUPPORTED', `Unsupported <tftp> element in an IPv6 element in network '${netName}'`);
    }
    ip.tftpRoot = xstr(tftp.attrs.root);
  }
  return ip;
}
