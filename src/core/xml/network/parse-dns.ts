/** <dns> records (virNetworkDNSDefParseXML and its host/srv/txt helpers). */
import { virErr } from '../../errors.js';
import { children, type XNode } from '../tree.js';
import { localChildren, textContent } from './document.js';
import { tryParseIp } from './ipaddr.js';
import type { DnsDef, DnsHost, DnsSrv, DnsTxt } from './model.js';
import { propTristate, xpathUInt } from './props.js';

const detail = (m: string) => virErr('XML_DETAIL', m);

export function parseDnsHost(netName: string, node: XNode, partial: boolean): DnsHost {
  const ipText = node.attrs.ip;
  if (ipText === undefined && !partial) throw detail(`Missing IP address in network '${netName}' DNS HOST record`);
  const ip = ipText !== undefined ? tryParseIp(ipText) : undefined;
  if (ipText !== undefined && !ip) throw detail(`Invalid IP address in network '${netName}' DNS HOST record`);
  const names: string[] = [];
  for (const h of localChildren(node, 'hostname')) {
    if (h.children.length === 0 && h.text === '') continue;
    const name = textContent(h) ?? '';
    if (name === '') throw detail(`Missing hostname in network '${netName}' DNS HOST record`);
    names.push(name);
  }
  if (names.length === 0 && !partial) throw detail(`Missing hostname in network '${netName}' DNS HOST record`);
  if (!ip && names.length === 0) throw detail(`Missing ip and hostname in network '${netName}' DNS HOST record`);
  return { ip, names };
}

const SERVICE_CHARS = /^[A-Za-z0-9_\-+/*]*$/;
const PROTOCOL_CHARS = /^[A-Za-z0-9\-+/]*$/;

export function parseDnsSrv(netName: string, node: XNode, partial: boolean): DnsSrv {
  const service = node.attrs.service;
  if (service === undefined && !partial) {
    throw detail(`missing required service attribute in DNS SRV record of network '${netName}'`);
  }
  if (service !== undefined) {
    if (Buffer.byteLength(service) > 255) {
      throw detail(`service attribute '${service}' in network '${netName}' is too long, limit is 255 bytes`);
    }
    if (!SERVICE_CHARS.test(service)) {
      throw detail(`invalid character in service attribute '${service}' in DNS SRV record of network '${netName}'`);
    }
  }
  const protocol = node.attrs.protocol;
  if (protocol === undefined && !partial) {
    throw detail(`missing required protocol attribute in DNS SRV record '${service ?? '(null)'}' of network '${netName}'`);
  }
  if (protocol !== undefined && !PROTOCOL_CHARS.test(protocol)) {
    throw detail(`invalid character in protocol attribute '${protocol}' in DNS SRV record of network '${netName}'`);
  }
  const srv: DnsSrv = { service, protocol, domain: node.attrs.domain, target: node.attrs.target };
  const svc = service ?? '(null)';
  const num = (attr: 'port' | 'priority' | 'weight', lo: number, invalidMsg: string) => {
    const r = xpathUInt(node, attr);
    if (r === 'absent') return undefined;
    if (r !== 'invalid' && srv.target === undefined) {
      throw detail(`DNS SRV ${attr} attribute not permitted without target for service '${svc}' in network '${netName}'`);
    }
    if (r === 'invalid' || r < lo || r > 65535) throw detail(invalidMsg);
    return r;
  };
  srv.port = num('port', 1, `invalid DNS SRV port attribute for service '${svc}' in network '${netName}'`);
  srv.priority = num('priority', 0, `Invalid DNS SRV priority attribute for service '${svc}' in network '${netName}'`);
  srv.weight = num('weight', 0, `invalid DNS SRV weight attribute for service '${svc}' in network '${netName}'`);
  return srv;
}

export function parseDnsTxt(netName: string, node: XNode, partial: boolean): DnsTxt {
  const name = node.attrs.name;
  if (name === undefined) throw detail(`missing required name attribute in DNS TXT record of network ${netName}`);
  if (/[ ,]/.test(name)) throw detail(`prohibited character in DNS TXT record name '${name}' of network ${netName}`);
  const value = node.attrs.value;
  if (value === undefined && !partial) {
    throw detail(`missing required value attribute in DNS TXT record named '${name}' of network ${netName}`);
  }
  return { name, value: value ?? '' };
}

export function emptyDns(): DnsDef {
  return { forwarders: [], txts: [], hosts: [], srvs: [] };
}

export function parseDns(netName: string, node: XNode): DnsDef {
  const dns = emptyDns();
  dns.enable = propTristate(node, 'enable');
  dns.forwardPlainNames = propTristate(node, 'forwardPlainNames');
  for (const f of children(node, 'forwarder')) {
    const addrText = f.attrs.addr;
    const addr = addrText !== undefined ? tryParseIp(addrText) : undefined;
    if (addrText !== undefined && !addr) {
      throw virErr('XML_ERROR', `Invalid forwarder IP address '${addrText}' in network '${netName}'`);
    }
    const domain = f.attrs.domain;
    if (addrText === undefined && domain === undefined) {
      throw virErr('XML_ERROR', 'Invalid forwarder element, must contain at least one of addr or domain');
    }
    dns.forwarders.push({ addr, domain });
  }
  for (const h of children(node, 'host')) dns.hosts.push(parseDnsHost(netName, h, false));
  for (const s of children(node, 'srv')) dns.srvs.push(parseDnsSrv(netName, s, false));
  for (const t of children(node, 'txt')) dns.txts.push(parseDnsTxt(netName, t, false));
  if (dns.enable === 'no' && (dns.forwarders.length || dns.hosts.length || dns.srvs.length || dns.txts.length)) {
    throw virErr('XML_ERROR', `Extra data in disabled network '${netName}'`);
  }
  return dns;
}
