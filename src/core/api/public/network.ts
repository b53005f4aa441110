import type { NetworkApi } from '../network.js';
import { READ_ONLY, arg, nonNull, nonNegative } from './checks.js';
import { row, type Table } from './table.js';

/** virNetwork* and virNetworkPort*. */
export const networkRows: Table<NetworkApi> = {
  networkLookupByName: row('virNetworkLookupByName', nonNull('name', arg(0))),
  networkLookupByUUID: row('virNetworkLookupByUUIDString', nonNull('uuidstr', arg(0))),
  listAllNetworks: row('virConnectListAllNetworks'),
  networkCreateXML: row('virNetworkCreateXML', nonNull('xmlDesc', arg(0)), READ_ONLY),
  networkDefineXML: row('virNetworkDefineXML', READ_ONLY, nonNull('xml', arg(0))),
  networkUndefine: row('virNetworkUndefine', READ_ONLY),
  networkCreate: row('virNetworkCreate', READ_ONLY),
  networkDestroy: row('virNetworkDestroy', READ_ONLY),
  networkUpdate: row('virNetworkUpdate', READ_ONLY, nonNull('xml', arg(4))),
  networkGetXMLDesc: row('virNetworkGetXMLDesc'),
  networkGetBridgeName: row('virNetworkGetBridgeName'),
  networkGetAutostart: row('virNetworkGetAutostart'),
  networkSetAutostart: row('virNetworkSetAutostart', READ_ONLY),
  networkIsActive: row('virNetworkIsActive'),
  networkIsPersistent: row('virNetworkIsPersistent'),
  networkGetDHCPLeases: row('virNetworkGetDHCPLeases'),
  networkEventRegisterAny: row(
    'virConnectNetworkEventRegisterAny',
    nonNull('cb', arg(2)),
    nonNegative('eventID', arg(1)),
  ),
  networkEventDeregisterAny: row('virConnectNetworkEventDeregisterAny', nonNegative('callbackID', arg(0))),
  networkListAllPorts: row('virNetworkListAllPorts'),
  networkPortLookupByUUID: row('virNetworkPortLookupByUUID', nonNull('uuid', arg(1))),
  networkPortCreateXML: row('virNetworkPortCreateXML', nonNull('xmldesc', arg(1)), READ_ONLY),
  networkPortGetXMLDesc: row('virNetworkPortGetXMLDesc'),
  networkPortDelete: row('virNetworkPortDelete', READ_ONLY),
};
