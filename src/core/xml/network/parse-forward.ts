/** <forward> with <nat>, <interface>, <address>, <pf> (virNetworkForwardDefParseXML). */
import { virErr } from '../../errors.js';
import { parseAddress, type Address } from '../domain/address.js';
import { children, type XNode } from '../tree.js';
import { xstr } from './document.js';
import { tryParseIp } from './ipaddr.js';
import { FORWARD_MODES, type ForwardDef, type ForwardMode, type PciAddr } from './model.js';
import { propTristate, xpathUInt } from './props.js';
import { checkRange } from './parse-ip.js';

export function emptyForward(): ForwardDef {
  return { mode: 'none', managed: false, ifs: [], portStart: 0, portEnd: 0 };
}

function parseNat(netName: string, node: XNode, fwd: ForwardDef): void {
  if (fwd.mode !== 'nat') {
    throw virErr('XML_ERROR', `The <nat> element can only be used when <forward> 'mode' is 'nat' in network ${netName}`);
  }
  fwd.natIPv6 = propTristate(node, 'ipv6');
  const addrs = children(node, 'address');
  if (addrs.length > 1) {
    throw virErr('XML_ERROR', `Only one <address> element is allowed in <nat> in <forward> in network ${netName}`);
  }
  let start: string | undefined;
  let end: string | undefined;
  if (addrs.length === 1) {
    start = addrs[0].attrs.start;
    if (start === undefined) {
      throw virErr('XML_ERROR', `missing 'start' attribute in <address> element in <nat> in <forward> in network ${netName}`);
    }
    end = addrs[0].attrs.end;
    if (end === undefined) {
      throw virErr('XML_ERROR', `missing 'end' attribute in <address> element in <nat> in <forward> in network ${netName}`);
    }
    fwd.natStart = tryParseIp(start, 4);
    if (!fwd.natStart) {
      throw virErr('XML_ERROR', `Bad ipv4 start address '${start}' in <nat> in <forward> in network '${netName}'`);
    }
    fwd.natEnd = tryParseIp(end, 4);
    if (!fwd.natEnd) throw virErr('XML_ERROR', `Bad ipv4 end address '${end}' in <nat> in <forward> in network '${netName}'`);
    checkRange(fwd.natStart, fwd.natEnd);
  }
  const ports = children(node, 'port');
  if (ports.length > 1) {
    throw virErr('XML_ERROR', `Only one <port> element is allowed in <nat> in <forward> in network ${netName}`);
  }
  if (ports.length === 1) {
    const ps = xpathUInt(ports[0], 'start');
    if (typeof ps !== 'number' || ps > 65535) {
      throw virErr('XML_DETAIL', `Missing or invalid 'start' attribute in <port> in <nat> in <forward> in network ${netName}`);
    }
    fwd.portStart = ps;
    const pe = xpathUInt(ports[0], 'end');
    if (typeof pe !== 'number' || pe > 65535 || pe < ps) {
      throw virErr('XML_DETAIL', `Missing or invalid 'end' attribute in <port> in <nat> in <forward> in network ${netName}`);
    }
    fwd.portEnd = pe;
  }
}

/**
 * virPCIDeviceAddressParseXML: the same rules as a domain device's PCI address (the caller
 * has checked type='pci').
 */
function parsePciAddr(node: XNode): PciAddr {
  const a = parseAddress(node) as Extract<Address, { type: 'pci' }>;
  return { domain: a.domain, bus: a.bus, slot: a.slot, function: a.function };
}

const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
export const formatPci = (a: PciAddr) => `${hex(a.domain, 4)}:${hex(a.bus, 2)}:${hex(a.slot, 2)}.${a.function.toString(16)}`;

export function parseForward(netName: string, node: XNode): ForwardDef {
  const fwd = emptyForward();
  const mode = xstr(node.attrs.mode);
  if (mode === undefined) fwd.mode = 'nat';
  else if ((FORWARD_MODES as readonly string[]).includes(mode)) fwd.mode = mode as ForwardMode;
  else throw virErr('CONFIG_UNSUPPORTED', `unknown forwarding type '${mode}'`);
  fwd.managed = (xstr(node.attrs.managed) ?? '').toLowerCase() === 'yes';
  const driver = children(node, 'driver')[0];
  const driverName = xstr(driver?.attrs.name);
  if (driverName !== undefined) {
    if (driverName !== 'kvm' && driverName !== 'vfio') {
      throw virErr('CONFIG_UNSUPPORTED', `Unknown forward <driver name='${driverName}'/> in network ${netName}`);
    }
    fwd.driverName = driverName;
  }
  const ifNodes = children(node, 'interface');
  const addrNodes = children(node, 'address');
  const pfNodes = children(node, 'pf');
  const natNodes = children(node, 'nat');
  if (natNodes.length > 1) throw virErr('XML_ERROR', `Only one <nat> element is allowed in <forward> of network ${netName}`);
  if (natNodes.length === 1) parseNat(netName, natNodes[0], fwd);
  const dev = xstr(node.attrs.dev);
  if (dev !== undefined && (addrNodes.length > 0 || pfNodes.length > 0)) {
    // libvirt passes this text as the argument of a plain "%s", so its own %s stays literal.
    throw virErr(
      'XML_ERROR',
      "the <forward> 'dev' attribute cannot be used when <address> or <pf> sub-elements are present in network %s",
    );
  }
  if (ifNodes.length > 0 || dev !== undefined) {
    if (dev !== undefined) fwd.ifs.push({ type: 'netdev', dev });
    ifNodes.forEach((n, i) => {
      const d = n.attrs.dev;
      if (d === undefined) {
        throw virErr('XML_ERROR', `Missing required dev attribute in <forward> <interface> element of network ${netName}`);
      }
      if (i === 0 && dev !== undefined) {
        if (d !== dev) throw virErr('XML_ERROR', `<forward dev='${dev}'> must match first <interface dev='${d}'/> in network ${netName}`);
        return;
      }
      if (fwd.ifs.some((f) => f.type === 'netdev' && f.dev === d)) {
        throw virErr('XML_ERROR', `interface '${d}' can only be listed once in network ${netName}`);
      }
      fwd.ifs.push({ type: 'netdev', dev: d });
    });
  } else if (addrNodes.length > 0) {
    for (const a of addrNodes) {
      const type = a.attrs.type;
      if (type === undefined) throw virErr('XML_ERROR', `missing address type in network ${netName}`);
      if (!['none', 'pci', 'netdev'].includes(type)) {
        throw virErr('CONFIG_UNSUPPORTED', `unknown address type '${type}' in network ${netName}`);
      }
      if (type !== 'pci') throw virErr('XML_ERROR', `unsupported address type '${type}' in network ${netName}`);
      const pci = parsePciAddr(a);
      if (fwd.ifs.some((f) => f.type === 'pci' && formatPci(f.pci) === formatPci(pci))) {
        throw virErr('XML_ERROR', `PCI device '${formatPci(pci)}' can only be listed once in network ${netName}`);
      }
      fwd.ifs.push({ type: 'pci', pci });
    }
  } else if (pfNodes.length > 1) {
    throw virErr('XML_ERROR', `Only one <pf> element is allowed in <forward> of network ${netName}`);
  } else if (pfNodes.length === 1) {
    const pf = pfNodes[0].attrs.dev;
    if (pf === undefined) throw virErr('XML_ERROR', `Missing required dev attribute in <pf> element of network '${netName}'`);
    fwd.pf = pf;
  }
  return fwd;
}
