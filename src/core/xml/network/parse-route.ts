/** <route> (virNetDevIPRouteParseXML / virNetDevIPRouteCreate in networkcommon_conf.c). */
import { virErr } from '../../errors.js';
import type { XNode } from '../tree.js';
import { applyMask, ipEqual, prefixToMask, tryParseIp } from './ipaddr.js';
import type { RouteDef } from './model.js';
import { propUInt } from './props.js';

export function parseRoute(ctx: string, node: XNode): RouteDef {
  const family = node.attrs.family;
  const addressText = node.attrs.address;
  const netmaskText = node.attrs.netmask;
  const gatewayText = node.attrs.gateway;
  const prefix = propUInt(node, 'prefix');
  const metric = propUInt(node, 'metric', true);
  const err = (m: string) => virErr('XML_ERROR', `${ctx}: ${m}`);
  if (addressText === undefined) throw err('Missing required address attribute in route definition');
  if (gatewayText === undefined) throw err('Missing required gateway attribute in route definition');
  const address = tryParseIp(addressText);
  if (!address) throw err(`Bad network address '${addressText}' in route definition`);
  const gateway = tryParseIp(gatewayText);
  if (!gateway) throw err(`Bad gateway address '${gatewayText}' in route definition`);
  let netmask;
  if (family === undefined || family === 'ipv4') {
    const fam = family === undefined ? 'No family' : 'IPv4 family';
    if (address.family !== 4) throw err(`${fam} specified for non-IPv4 address '${addressText}' in route definition`);
    // libvirt names the address, not the gateway, in this message.
    if (gateway.family !== 4) throw err(`${fam} specified for non-IPv4 gateway '${addressText}' in route definition`);
    if (netmaskText !== undefined) {
      netmask = tryParseIp(netmaskText);
      if (!netmask) throw err(`Bad netmask address '${netmaskText}' in route definition`);
      if (netmask.family !== 4) {
        throw err(`Invalid netmask '${netmaskText}' for address '${addressText}' (both must be IPv4)`);
      }
      if (prefix !== undefined) throw err('Route definition cannot have both a prefix and a netmask');
    }
    if ((prefix ?? 0) > 32) throw err(`Invalid prefix ${prefix} specified in route definition, must be 0 - 32`);
  } else if (family === 'ipv6') {
    if (address.family !== 6) throw err(`ipv6 family specified for non-IPv6 address '${addressText}' in route definition`);
    if (netmaskText !== undefined) {
      throw err(`Specifying netmask invalid for IPv6 address '${addressText}' in route definition`);
    }
    if (gateway.family !== 6) throw err(`ipv6 specified for non-IPv6 gateway address '${gatewayText}' in route definition`);
    if ((prefix ?? 0) > 128) throw err(`Invalid prefix ${prefix} specified in route definition, must be 0 - 128`);
  } else {
    throw err(`Unrecognized family '${family}' in route definition`);
  }
  const mask = netmask ?? prefixToMask(prefix ?? 0, address.family)!;
  if (!ipEqual(address, applyMask(address, mask))) {
    throw err(`Address '${addressText}' in route definition is not a network address`);
  }
  return { family, address, netmask, prefix, gateway, metric };
}
