import type { InterfaceApi } from '../interface.js';
import type { NodeDeviceApi } from '../nodedev.js';
import type { SecretApi } from '../secret.js';
import type { NWFilterApi } from '../nwfilter.js';
import { READ_ONLY, arg, nonNull, nonNegative } from './checks.js';
import { row, type Table } from './table.js';

/** virInterface*. */
export const interfaceRows: Table<InterfaceApi> = {
  listAllInterfaces: row('virConnectListAllInterfaces'),
  interfaceLookupByName: row('virInterfaceLookupByName', nonNull('name', arg(0))),
  interfaceLookupByMACString: row('virInterfaceLookupByMACString', nonNull('macstr', arg(0))),
  interfaceGetXMLDesc: row('virInterfaceGetXMLDesc'),
  interfaceDefineXML: row('virInterfaceDefineXML', READ_ONLY, nonNull('xml', arg(0))),
  interfaceUndefine: row('virInterfaceUndefine', READ_ONLY),
  interfaceCreate: row('virInterfaceCreate', READ_ONLY),
  interfaceDestroy: row('virInterfaceDestroy', READ_ONLY),
  interfaceIsActive: row('virInterfaceIsActive'),
  interfaceChangeBegin: row('virInterfaceChangeBegin', READ_ONLY),
  interfaceChangeCommit: row('virInterfaceChangeCommit', READ_ONLY),
  interfaceChangeRollback: row('virInterfaceChangeRollback', READ_ONLY),
};

/** virNodeDevice*. */
export const nodeDeviceRows: Table<NodeDeviceApi> = {
  nodeNumOfDevices: row('virNodeNumOfDevices'),
  nodeListDevices: row('virNodeListDevices'),
  listAllNodeDevices: row('virConnectListAllNodeDevices'),
  nodeDeviceLookupByName: row('virNodeDeviceLookupByName', nonNull('name', arg(0))),
  nodeDeviceLookupSCSIHostByWWN: row(
    'virNodeDeviceLookupSCSIHostByWWN',
    nonNull('wwnn', arg(0)),
    nonNull('wwpn', arg(1)),
  ),
  nodeDeviceGetXMLDesc: row('virNodeDeviceGetXMLDesc'),
  nodeDeviceGetParent: row('virNodeDeviceGetParent'),
  nodeDeviceListCaps: row('virNodeDeviceListCaps'),
  nodeDeviceCreateXML: row('virNodeDeviceCreateXML', READ_ONLY, nonNull('xmlDesc', arg(0))),
  nodeDeviceDefineXML: row('virNodeDeviceDefineXML', READ_ONLY, nonNull('xmlDesc', arg(0))),
  nodeDeviceDestroy: row('virNodeDeviceDestroy', READ_ONLY),
  nodeDeviceUndefine: row('virNodeDeviceUndefine', READ_ONLY),
  nodeDeviceCreate: row('virNodeDeviceCreate', READ_ONLY),
  nodeDeviceDettach: row('virNodeDeviceDettach', READ_ONLY),
  nodeDeviceDetachFlags: row('virNodeDeviceDetachFlags', READ_ONLY),
  nodeDeviceReAttach: row('virNodeDeviceReAttach', READ_ONLY),
  nodeDeviceReset: row('virNodeDeviceReset', READ_ONLY),
  nodeDeviceSetAutostart: row('virNodeDeviceSetAutostart', READ_ONLY),
  nodeDeviceGetAutostart: row('virNodeDeviceGetAutostart', READ_ONLY),
  nodeDeviceIsActive: row('virNodeDeviceIsActive'),
  nodeDeviceIsPersistent: row('virNodeDeviceIsPersistent'),
};

/** virSecret*. */
export const secretRows: Table<SecretApi> = {
  numOfSecrets: row('virConnectNumOfSecrets'),
  listSecrets: row('virConnectListSecrets'),
  listAllSecrets: row('virConnectListAllSecrets'),
  secretLookupByUUIDString: row('virSecretLookupByUUIDString', nonNull('uuidstr', arg(0))),
  secretLookupByUsage: row('virSecretLookupByUsage', nonNull('usageID', arg(1))),
  secretDefineXML: row('virSecretDefineXML', READ_ONLY, nonNull('xml', arg(0))),
  secretGetXMLDesc: row('virSecretGetXMLDesc'),
  secretSetValue: row('virSecretSetValue', READ_ONLY, nonNull('value', arg(1))),
  secretGetValue: row('virSecretGetValue', READ_ONLY),
  secretUndefine: row('virSecretUndefine', READ_ONLY),
  secretEventRegisterAny: row('virConnectSecretEventRegisterAny', nonNegative('eventID', arg(1))),
};

/** virNWFilter* and virNWFilterBinding*. */
export const nwfilterRows: Table<NWFilterApi> = {
  numOfNWFilters: row('virConnectNumOfNWFilters'),
  listNWFilters: row('virConnectListNWFilters'),
  listAllNWFilters: row('virConnectListAllNWFilters'),
  nwfilterLookupByName: row('virNWFilterLookupByName', nonNull('name', arg(0))),
  nwfilterLookupByUUIDString: row('virNWFilterLookupByUUIDString', nonNull('uuidstr', arg(0))),
  nwfilterDefineXML: row('virNWFilterDefineXML', nonNull('xmlDesc', arg(0)), READ_ONLY),
  nwfilterDefineXMLFlags: row('virNWFilterDefineXMLFlags', nonNull('xmlDesc', arg(0)), READ_ONLY),
  nwfilterUndefine: row('virNWFilterUndefine', READ_ONLY),
  nwfilterGetXMLDesc: row('virNWFilterGetXMLDesc'),
  listAllNWFilterBindings: row('virConnectListAllNWFilterBindings'),
  nwfilterBindingLookupByPortDev: row('virNWFilterBindingLookupByPortDev', nonNull('portdev', arg(0))),
  nwfilterBindingCreateXML: row('virNWFilterBindingCreateXML', nonNull('xml', arg(0)), READ_ONLY),
  nwfilterBindingDelete: row('virNWFilterBindingDelete', READ_ONLY),
  nwfilterBindingGetXMLDesc: row('virNWFilterBindingGetXMLDesc'),
};
