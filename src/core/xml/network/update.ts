/**
 * virNetworkDefUpdateSection: net-update's edits of one section of a definition.
 * Works in place on `def` (callers pass a copy).
 */
import { virErr } from '../../errors.js';
import type { XNode } from '../tree.js';
import { localName, parseRootElement } from './document.js';
import { formatIp, ipEqual } from './ipaddr.js';
import type { IpDef, NetworkDef } from './model.js';
import { parseDnsHost, parseDnsSrv, parseDnsTxt } from './parse-dns.js';
import { parseDhcpHost, parseDhcpRange } from './parse-ip.js';
import { parseNetworkXML, parsePortGroup } from './parse.js';
import { formatNetworkXML } from './format.js';

/** virNetworkUpdateCommand */
export const UpdateCommand = { NONE: 0, MODIFY: 1, DELETE: 2, ADD_LAST: 3, ADD_FIRST: 4 } as const;
/** virNetworkUpdateSection, in enum order (index = value). */
export const UPDATE_SECTIONS = [
  'none',
  'bridge',
  'domain',
  'ip',
  'ip-dhcp-host',
  'ip-dhcp-range',
  'forward',
  'forward-interface',
  'forward-pf',
  'portgroup',
  'dns-host',
  'dns-txt',
  'dns-srv',
] as const;
export const UPDATE_COMMANDS = ['none', 'modify', 'delete', 'add-last', 'add-first'] as const;

/** virNetworkDefCopy: a format/parse round trip, which also re-validates the result. */
export function copyNetworkDef(def: NetworkDef, flags: number): NetworkDef {
  return parseNetworkXML(formatNetworkXML(def, flags));
}

const invalid = (m: string) => virErr('OPERATION_INVALID', m);
const unsupportedOp = (m: string) => virErr('OPERATION_UNSUPPORTED', m);

/** virXMLNodeNameEqual: libxml2's local name, without any namespace prefix. */
function checkName(def: NetworkDef, node: XNode, want: string): void {
  const local = localName(node);
  if (local !== want) {
    throw virErr('XML_ERROR', `unexpected element <${local}>, expecting <${want}>, while updating network '${def.name}'`);
  }
}

function unknownCommand(command: number): never {
  throw unsupportedOp(`unrecognized network update command code ${command}`);
}

function insertAt<T>(list: T[], command: number, item: T): void {
  if (command === UpdateCommand.ADD_FIRST) list.unshift(item);
  else list.push(item);
}

const isAdd = (c: number) => c === UpdateCommand.ADD_FIRST || c === UpdateCommand.ADD_LAST;

/** virNetworkIPDefByIndex: the <ip> whose <dhcp> a host/range update works on. */
function ipByIndex(def: NetworkDef, parentIndex: number): IpDef {
  if (parentIndex >= 0) {
    const ip = def.ips[parentIndex];
    if (!ip) {
      throw invalid(
        `couldn't update dhcp host entry - no <ip> element found at index ${parentIndex} in network '${def.name}'`,
      );
    }
    return ip;
  }
  const ip =
    def.ips.find((i) => i.ranges.length || i.hosts.length) ??
    def.ips.find((i) => i.address.family === 4) ??
    def.ips.find((i) => i.address.family === 6);
  if (!ip) throw invalid(`couldn't update dhcp host entry - no <ip> element found in network '${def.name}'`);
  return ip;
}

function checkMultiDhcp(def: NetworkDef, ipdef: IpDef): void {
  const fam = ipdef.address.family;
  for (const ip of def.ips) {
    if (ip !== ipdef && ip.address.family === fam && (ip.ranges.length || ip.hosts.length)) {
      throw invalid(`dhcp is supported only for a single ${fam === 4 ? 'IPv4' : 'IPv6'} address on each network`);
    }
  }
}

const macEq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function updateDhcpHost(def: NetworkDef, command: number, parentIndex: number, node: XNode): void {
  const ipdef = ipByIndex(def, parentIndex);
  checkName(def, node, 'host');
  const partial = command === UpdateCommand.DELETE;
  const host = parseDhcpHost(def.name, ipdef, node, partial);
  if (!partial && ipdef.address.family !== host.ip?.family) {
    throw invalid('the address family of a host entry IP must match the address family of the dhcp element\'s parent');
  }
  const ipText = host.ip ? formatIp(host.ip) : 'unknown';
  if (command === UpdateCommand.MODIFY) {
    const i = ipdef.hosts.findIndex(
      (h) =>
        (host.mac && h.mac && macEq(host.mac, h.mac)) ||
        (host.ip && h.ip && ipEqual(host.ip, h.ip)) ||
        (host.name !== undefined && host.name === h.name),
    );
    if (i < 0) {
      throw invalid(
        `couldn't locate an existing dhcp host entry with "mac='${host.mac ?? 'unknown'}'" "name='${host.name ?? '(null)'}'" "ip='${ipText}'" in network '${def.name}'`,
      );
    }
    ipdef.hosts[i] = host;
  } else if (isAdd(command)) {
    checkMultiDhcp(def, ipdef);
    const dup = ipdef.hosts.some(
      (h) =>
        (host.mac && h.mac && macEq(host.mac, h.mac)) ||
        (host.name !== undefined && host.name === h.name) ||
        (host.ip && h.ip && ipEqual(host.ip, h.ip)),
    );
    if (dup) {
      throw invalid(
        `there is an existing dhcp host entry in network '${def.name}' that matches "<host mac='${host.mac ?? 'unknown'}' name='${host.name ?? '(null)'}' ip='${ipText}'/>"`,
      );
    }
    insertAt(ipdef.hosts, command, host);
  } else if (command === UpdateCommand.DELETE) {
    const i = ipdef.hosts.findIndex(
      (h) =>
        (!host.mac || !h.mac || macEq(host.mac, h.mac)) &&
        (host.name === undefined || host.name === h.name) &&
        (!host.ip || (h.ip !== undefined && ipEqual(host.ip, h.ip))),
    );
    if (i < 0) throw invalid(`couldn't locate a matching dhcp host entry in network '${def.name}'`);
    ipdef.hosts.splice(i, 1);
  } else unknownCommand(command);
}

function updateDhcpRange(def: NetworkDef, command: number, parentIndex: number, node: XNode): void {
  checkName(def, node, 'range');
  const ipdef = ipByIndex(def, parentIndex);
  if (command === UpdateCommand.MODIFY) throw unsupportedOp('dhcp ranges cannot be modified, only added or deleted');
  const range = parseDhcpRange(def.name, ipdef, node);
  if (ipdef.address.family !== range.start.family) {
    throw invalid('the address family of a dhcp range must match the address family of the dhcp element\'s parent');
  }
  const i = ipdef.ranges.findIndex((r) => ipEqual(r.start, range.start) && ipEqual(r.end, range.end));
  if (isAdd(command)) {
    checkMultiDhcp(def, ipdef);
    if (i >= 0) {
      throw invalid(
        `there is an existing dhcp range entry in network '${def.name}' that matches "<range start='${formatIp(range.start)}' end='${formatIp(range.end)}'/>"`,
      );
    }
    insertAt(ipdef.ranges, command, range);
  } else if (command === UpdateCommand.DELETE) {
    if (i < 0) throw invalid(`couldn't locate a matching dhcp range entry in network '${def.name}'`);
    ipdef.ranges.splice(i, 1);
  } else unknownCommand(command);
}

function updateForwardInterface(def: NetworkDef, command: number, node: XNode): void {
  checkName(def, node, 'interface');
  if (command === UpdateCommand.MODIFY) {
    throw unsupportedOp('forward interface entries cannot be modified, only added or deleted');
  }
  const dev = node.attrs.dev;
  if (dev === undefined) throw virErr('XML_ERROR', 'missing dev attribute in <interface> element');
  const ifs = def.forward.ifs;
  const i = ifs.findIndex((f) => f.type === 'netdev' && f.dev === dev);
  if (isAdd(command)) {
    if (i >= 0) {
      throw invalid(`there is an existing interface entry in network '${def.name}' that matches "<interface dev='${dev}'>"`);
    }
    insertAt(ifs, command, { type: 'netdev', dev });
  } else if (command === UpdateCommand.DELETE) {
    if (i < 0) {
      throw invalid(`couldn't find an interface entry in network '${def.name}' matching <interface dev='${dev}'>`);
    }
    ifs.splice(i, 1);
  } else unknownCommand(command);
}

function updatePortGroup(def: NetworkDef, command: number, node: XNode): void {
  checkName(def, node, 'portgroup');
  const pg = parsePortGroup(node);
  const foundName = def.portGroups.findIndex((p) => p.name === pg.name);
  let foundDefault = -1;
  def.portGroups.forEach((p, i) => {
    if (p.isDefault) foundDefault = i;
  });
  if (foundName < 0 && (command === UpdateCommand.MODIFY || command === UpdateCommand.DELETE)) {
    throw invalid(`couldn't find a portgroup entry in network '${def.name}' matching <portgroup name='${pg.name}'>`);
  }
  if (foundName >= 0 && isAdd(command)) {
    throw invalid(`there is an existing portgroup entry in network '${def.name}' that matches "<portgroup name='${pg.name}'>"`);
  }
  if (command !== UpdateCommand.DELETE && pg.isDefault && foundDefault >= 0 && foundDefault !== foundName) {
    throw invalid(
      `a different portgroup entry in network '${def.name}' is already set as the default. Only one default is allowed.`,
    );
  }
  if (command === UpdateCommand.MODIFY) def.portGroups[foundName] = pg;
  else if (isAdd(command)) insertAt(def.portGroups, command, pg);
  else if (command === UpdateCommand.DELETE) def.portGroups.splice(foundName, 1);
  else unknownCommand(command);
}

function updateDnsHost(def: NetworkDef, command: number, node: XNode): void {
  if (command === UpdateCommand.MODIFY) throw unsupportedOp('DNS HOST records cannot be modified, only added or deleted');
  checkName(def, node, 'host');
  const add = isAdd(command);
  const host = parseDnsHost(def.name, node, !add);
  let foundCt = 0;
  let foundIdx = -1;
  def.dns.hosts.forEach((h, i) => {
    let hit = host.ip !== undefined && h.ip !== undefined && ipEqual(host.ip, h.ip);
    if (!add && !hit) hit = host.names.some((n) => h.names.includes(n));
    if (hit) {
      foundCt++;
      foundIdx = i;
    }
  });
  if (add) {
    if (foundCt > 0) {
      throw invalid(`there is already at least one DNS HOST record with a matching field in network ${def.name}`);
    }
    insertAt(def.dns.hosts, command, host);
  } else if (command === UpdateCommand.DELETE) {
    if (foundCt === 0) throw invalid(`couldn't locate a matching DNS HOST record in network ${def.name}`);
    if (foundCt > 1) throw invalid(`multiple matching DNS HOST records were found in network ${def.name}`);
    def.dns.hosts.splice(foundIdx, 1);
  } else unknownCommand(command);
}

function updateDnsSrv(def: NetworkDef, command: number, node: XNode): void {
  if (command === UpdateCommand.MODIFY) throw unsupportedOp('DNS SRV records cannot be modified, only added or deleted');
  checkName(def, node, 'srv');
  const add = isAdd(command);
  const srv = parseDnsSrv(def.name, node, !add);
  let foundCt = 0;
  let foundIdx = -1;
  def.dns.srvs.forEach((s, i) => {
    const m = (a: string | undefined, b: string | undefined) => a === undefined || a === b;
    if (m(srv.domain, s.domain) && m(srv.service, s.service) && m(srv.protocol, s.protocol) && m(srv.target, s.target)) {
      foundCt++;
      foundIdx = i;
    }
  });
  if (add) {
    if (foundCt > 0) {
      throw invalid(`there is already at least one DNS SRV record matching all specified fields in network ${def.name}`);
    }
    insertAt(def.dns.srvs, command, srv);
  } else if (command === UpdateCommand.DELETE) {
    if (foundCt === 0) throw invalid(`couldn't locate a matching DNS SRV record in network ${def.name}`);
    if (foundCt > 1) {
      throw invalid(`multiple DNS SRV records matching all specified fields were found in network ${def.name}`);
    }
    def.dns.srvs.splice(foundIdx, 1);
  } else unknownCommand(command);
}

function updateDnsTxt(def: NetworkDef, command: number, node: XNode): void {
  if (command === UpdateCommand.MODIFY) throw unsupportedOp('DNS TXT records cannot be modified, only added or deleted');
  checkName(def, node, 'txt');
  const add = isAdd(command);
  const txt = parseDnsTxt(def.name, node, !add);
  const i = def.dns.txts.findIndex((t) => t.name === txt.name);
  if (add) {
    if (i >= 0) throw invalid(`there is already a DNS TXT record with name '${txt.name}' in network ${def.name}`);
    insertAt(def.dns.txts, command, txt);
  } else if (command === UpdateCommand.DELETE) {
    if (i < 0) throw invalid(`couldn't locate a matching DNS TXT record in network ${def.name}`);
    def.dns.txts.splice(i, 1);
  } else unknownCommand(command);
}

const NO_SUPPORT_SECTIONS: Record<number, string> = { 1: 'bridge', 2: 'domain', 3: 'ip', 6: 'forward', 8: 'forward pf' };

export function updateNetworkSection(def: NetworkDef, command: number, section: number, parentIndex: number, xml: string): void {
  const node = parseRootElement(xml, 'network_update_xml', undefined);
  const noSupport = NO_SUPPORT_SECTIONS[section];
  if (noSupport) throw unsupportedOp(`can't update '${noSupport}' section of network '${def.name}'`);
  switch (UPDATE_SECTIONS[section]) {
    case 'ip-dhcp-host':
      return updateDhcpHost(def, command, parentIndex, node);
    case 'ip-dhcp-range':
      return updateDhcpRange(def, command, parentIndex, node);
    case 'forward-interface':
      return updateForwardInterface(def, command, node);
    case 'portgroup':
      return updatePortGroup(def, command, node);
    case 'dns-host':
      return updateDnsHost(def, command, node);
    case 'dns-txt':
      return updateDnsTxt(def, command, node);
    case 'dns-srv':
      return updateDnsSrv(def, command, node);
    default:
      throw unsupportedOp("can't update unrecognized section of network");
  }
}
