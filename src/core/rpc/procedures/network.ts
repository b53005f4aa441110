import { LIST_MAX } from '../constants.js';
import { network as net, optStr, str, uuid } from '../types.js';
import { array, bool, hyper, int, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

const netRet = s({ net });
const netOnly = s({ net });

const dhcpLease = s({
  iface: str,
  expirytime: hyper,
  type: int,
  mac: optStr,
  iaid: optStr,
  ipaddr: str,
  prefix: uint,
  hostname: optStr,
  clientid: optStr,
});

/** Virtual network procedures. */
export const networkProcs = {
  connectListDefinedNetworks: remote(36, 'CONNECT_LIST_DEFINED_NETWORKS', s({ maxnames: int }), s({ names: array(str, LIST_MAX) })),
  connectListNetworks: remote(38, 'CONNECT_LIST_NETWORKS', s({ maxnames: int }), s({ names: array(str, LIST_MAX) })),
  networkCreate: remote(39, 'NETWORK_CREATE', netOnly, none),
  networkCreateXML: remote(40, 'NETWORK_CREATE_XML', s({ xml: str }), netRet),
  networkDefineXML: remote(41, 'NETWORK_DEFINE_XML', s({ xml: str }), netRet),
  networkDestroy: remote(42, 'NETWORK_DESTROY', netOnly, none),
  networkGetXMLDesc: remote(43, 'NETWORK_GET_XML_DESC', s({ net, flags: uint }), s({ xml: str })),
  networkGetAutostart: remote(44, 'NETWORK_GET_AUTOSTART', netOnly, s({ autostart: bool })),
  networkGetBridgeName: remote(45, 'NETWORK_GET_BRIDGE_NAME', netOnly, s({ name: str })),
  networkLookupByName: remote(46, 'NETWORK_LOOKUP_BY_NAME', s({ name: str }), netRet),
  networkLookupByUUID: remote(47, 'NETWORK_LOOKUP_BY_UUID', s({ uuid }), netRet),
  networkSetAutostart: remote(48, 'NETWORK_SET_AUTOSTART', s({ net, autostart: bool }), none),
  networkUndefine: remote(49, 'NETWORK_UNDEFINE', netOnly, none),
  connectNumOfDefinedNetworks: remote(50, 'CONNECT_NUM_OF_DEFINED_NETWORKS', none, s({ num: int })),
  connectNumOfNetworks: remote(52, 'CONNECT_NUM_OF_NETWORKS', none, s({ num: int })),
  networkIsActive: remote(152, 'NETWORK_IS_ACTIVE', netOnly, s({ active: bool })),
  networkIsPersistent: remote(153, 'NETWORK_IS_PERSISTENT', netOnly, s({ persistent: bool })),
  connectListAllNetworks: remote(283, 'CONNECT_LIST_ALL_NETWORKS', s({ need_results: int, flags: uint }), s({ nets: array(net, LIST_MAX), ret: uint })),
  networkUpdate: remote(
    291,
    'NETWORK_UPDATE',
    s({ net, command: uint, section: uint, parentIndex: int, xml: str, flags: uint }),
    none,
  ),
  networkGetDHCPLeases: remote(
    341,
    'NETWORK_GET_DHCP_LEASES',
    s({ net, mac: optStr, need_results: int, flags: uint }),
    s({ leases: array(dhcpLease, 65536), ret: uint }),
  ),
  networkDefineXMLFlags: remote(432, 'NETWORK_DEFINE_XML_FLAGS', s({ xml: str, flags: uint }), netRet),
  networkCreateXMLFlags: remote(437, 'NETWORK_CREATE_XML_FLAGS', s({ xml: str, flags: uint }), netRet),
};
