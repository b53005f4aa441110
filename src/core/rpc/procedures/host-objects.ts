import { iface, nodeDevice, nwfilter, optStr, secret, str, uuid } from '../types.js';
import { array, bool, int, opaque, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

const ifaceRet = s({ iface });
const devRet = s({ dev: nodeDevice });
const byName = s({ name: str });

/** Host interfaces, node devices, secrets and network filters. */
export const hostObjectProcs = {
  nodeNumOfDevices: remote(111, 'NODE_NUM_OF_DEVICES', s({ cap: optStr, flags: uint }), s({ num: int })),
  nodeListDevices: remote(112, 'NODE_LIST_DEVICES', s({ cap: optStr, maxnames: int, flags: uint }), s({ names: array(str, 65536) })),
  nodeDeviceLookupByName: remote(113, 'NODE_DEVICE_LOOKUP_BY_NAME', byName, devRet),
  nodeDeviceGetXMLDesc: remote(114, 'NODE_DEVICE_GET_XML_DESC', s({ name: str, flags: uint }), s({ xml: str })),
  nodeDeviceGetParent: remote(115, 'NODE_DEVICE_GET_PARENT', byName, s({ parentName: optStr })),
  nodeDeviceNumOfCaps: remote(116, 'NODE_DEVICE_NUM_OF_CAPS', byName, s({ num: int })),
  nodeDeviceListCaps: remote(117, 'NODE_DEVICE_LIST_CAPS', s({ name: str, maxnames: int }), s({ names: array(str, 65536) })),
  nodeDeviceDettach: remote(118, 'NODE_DEVICE_DETTACH', byName, none),
  nodeDeviceReAttach: remote(119, 'NODE_DEVICE_RE_ATTACH', byName, none),
  nodeDeviceReset: remote(120, 'NODE_DEVICE_RESET', byName, none),
  nodeDeviceCreateXML: remote(123, 'NODE_DEVICE_CREATE_XML', s({ xml_desc: str, flags: uint }), devRet),
  nodeDeviceDestroy: remote(124, 'NODE_DEVICE_DESTROY', byName, none),
  connectListAllNodeDevices: remote(285, 'CONNECT_LIST_ALL_NODE_DEVICES', s({ need_results: int, flags: uint }), s({ devices: array(nodeDevice, 65536), ret: uint })),
  nodeDeviceLookupSCSIHostByWWN: remote(297, 'NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN', s({ wwnn: str, wwpn: str, flags: uint }), devRet),
  nodeDeviceDetachFlags: remote(301, 'NODE_DEVICE_DETACH_FLAGS', s({ name: str, driverName: optStr, flags: uint }), none),
  nodeDeviceDefineXML: remote(428, 'NODE_DEVICE_DEFINE_XML', s({ xml_desc: str, flags: uint }), devRet),
  nodeDeviceUndefine: remote(429, 'NODE_DEVICE_UNDEFINE', s({ name: str, flags: uint }), none),
  nodeDeviceCreate: remote(430, 'NODE_DEVICE_CREATE', s({ name: str, flags: uint }), none),
  nodeDeviceGetAutostart: remote(433, 'NODE_DEVICE_GET_AUTOSTART', byName, s({ autostart: bool })),
  nodeDeviceSetAutostart: remote(434, 'NODE_DEVICE_SET_AUTOSTART', s({ name: str, autostart: bool }), none),
  nodeDeviceIsPersistent: remote(435, 'NODE_DEVICE_IS_PERSISTENT', byName, s({ persistent: bool })),
  nodeDeviceIsActive: remote(436, 'NODE_DEVICE_IS_ACTIVE', byName, s({ active: bool })),

  interfaceLookupByName: remote(128, 'INTERFACE_LOOKUP_BY_NAME', byName, ifaceRet),
  interfaceLookupByMACString: remote(129, 'INTERFACE_LOOKUP_BY_MAC_STRING', s({ mac: str }), ifaceRet),
  interfaceGetXMLDesc: remote(130, 'INTERFACE_GET_XML_DESC', s({ iface, flags: uint }), s({ xml: str })),
  interfaceDefineXML: remote(131, 'INTERFACE_DEFINE_XML', s({ xml: str, flags: uint }), ifaceRet),
  interfaceUndefine: remote(132, 'INTERFACE_UNDEFINE', s({ iface }), none),
  interfaceCreate: remote(133, 'INTERFACE_CREATE', s({ iface, flags: uint }), none),
  interfaceDestroy: remote(134, 'INTERFACE_DESTROY', s({ iface, flags: uint }), none),
  interfaceIsActive: remote(156, 'INTERFACE_IS_ACTIVE', s({ iface }), s({ active: bool })),
  interfaceChangeBegin: remote(220, 'INTERFACE_CHANGE_BEGIN', s({ flags: uint }), none),
  interfaceChangeCommit: remote(221, 'INTERFACE_CHANGE_COMMIT', s({ flags: uint }), none),
  interfaceChangeRollback: remote(222, 'INTERFACE_CHANGE_ROLLBACK', s({ flags: uint }), none),
  connectListAllInterfaces: remote(284, 'CONNECT_LIST_ALL_INTERFACES', s({ need_results: int, flags: uint }), s({ ifaces: array(iface, 16384), ret: uint })),

  connectNumOfSecrets: remote(139, 'CONNECT_NUM_OF_SECRETS', none, s({ num: int })),
  connectListSecrets: remote(140, 'CONNECT_LIST_SECRETS', s({ maxuuids: int }), s({ uuids: array(str, 16384) })),
  secretLookupByUUID: remote(141, 'SECRET_LOOKUP_BY_UUID', s({ uuid }), s({ secret })),
  secretDefineXML: remote(142, 'SECRET_DEFINE_XML', s({ xml: str, flags: uint }), s({ secret })),
  secretGetXMLDesc: remote(143, 'SECRET_GET_XML_DESC', s({ secret, flags: uint }), s({ xml: str })),
  secretSetValue: remote(144, 'SECRET_SET_VALUE', s({ secret, value: opaque(65536), flags: uint }), none),
  secretGetValue: remote(145, 'SECRET_GET_VALUE', s({ secret, flags: uint }), s({ value: opaque(65536) })),
  secretUndefine: remote(146, 'SECRET_UNDEFINE', s({ secret }), none),
  secretLookupByUsage: remote(147, 'SECRET_LOOKUP_BY_USAGE', s({ usageType: int, usageID: str }), s({ secret })),
  connectListAllSecrets: remote(287, 'CONNECT_LIST_ALL_SECRETS', s({ need_results: int, flags: uint }), s({ secrets: array(secret, 16384), ret: uint })),

  nwfilterLookupByName: remote(175, 'NWFILTER_LOOKUP_BY_NAME', byName, s({ nwfilter })),
  nwfilterLookupByUUID: remote(176, 'NWFILTER_LOOKUP_BY_UUID', s({ uuid }), s({ nwfilter })),
  nwfilterGetXMLDesc: remote(177, 'NWFILTER_GET_XML_DESC', s({ nwfilter, flags: uint }), s({ xml: str })),
  connectNumOfNWFilters: remote(178, 'CONNECT_NUM_OF_NWFILTERS', none, s({ num: int })),
  connectListNWFilters: remote(179, 'CONNECT_LIST_NWFILTERS', s({ maxnames: int }), s({ names: array(str, 16384) })),
  nwfilterDefineXML: remote(180, 'NWFILTER_DEFINE_XML', s({ xml: str }), s({ nwfilter })),
  nwfilterUndefine: remote(181, 'NWFILTER_UNDEFINE', s({ nwfilter }), none),
  connectListAllNWFilters: remote(286, 'CONNECT_LIST_ALL_NWFILTERS', s({ need_results: int, flags: uint }), s({ filters: array(nwfilter, 16384), ret: uint })),
  nwfilterDefineXMLFlags: remote(431, 'NWFILTER_DEFINE_XML_FLAGS', s({ xml: str, flags: uint }), s({ nwfilter })),
};
