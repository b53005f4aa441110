import type { NodeDeviceHandle } from '../../../api/handles.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

const MAX_NAMES = 16384;

/** Host interfaces, node devices, secrets and network filters over RPC. */
export function objectOps(s: Session): Ops {
  const dev = async (p: Promise<{ dev: NodeDeviceHandle }>) => (await p).dev;
  return {
    listAllInterfaces: async (flags) => (await s.call(P.connectListAllInterfaces, { need_results: 1, flags })).ifaces,
    interfaceLookupByName: async (name) => (await s.call(P.interfaceLookupByName, { name })).iface,
    interfaceLookupByMACString: async (mac) => (await s.call(P.interfaceLookupByMACString, { mac })).iface,
    interfaceGetXMLDesc: async (iface, flags) => (await s.call(P.interfaceGetXMLDesc, { iface, flags })).xml,
    interfaceDefineXML: async (xml, flags) => (await s.call(P.interfaceDefineXML, { xml, flags })).iface,
    interfaceUndefine: (iface) => s.call(P.interfaceUndefine, { iface }),
    interfaceCreate: (iface, flags) => s.call(P.interfaceCreate, { iface, flags }),
    interfaceDestroy: (iface, flags) => s.call(P.interfaceDestroy, { iface, flags }),
    interfaceIsActive: async (iface) => (await s.call(P.interfaceIsActive, { iface })).active,
    interfaceChangeBegin: (flags) => s.call(P.interfaceChangeBegin, { flags }),
    interfaceChangeCommit: (flags) => s.call(P.interfaceChangeCommit, { flags }),
    interfaceChangeRollback: (flags) => s.call(P.interfaceChangeRollback, { flags }),

    nodeNumOfDevices: async (cap, flags) => (await s.call(P.nodeNumOfDevices, { cap, flags })).num,
    nodeListDevices: async (cap, flags) => (await s.call(P.nodeListDevices, { cap, maxnames: 65536, flags })).names,
    listAllNodeDevices: async (flags) => (await s.call(P.connectListAllNodeDevices, { need_results: 1, flags })).devices,
    nodeDeviceLookupByName: (name) => dev(s.call(P.nodeDeviceLookupByName, { name })),
    nodeDeviceLookupSCSIHostByWWN: (wwnn, wwpn, flags) => dev(s.call(P.nodeDeviceLookupSCSIHostByWWN, { wwnn, wwpn, flags })),
    nodeDeviceGetXMLDesc: async (d, flags) => (await s.call(P.nodeDeviceGetXMLDesc, { name: d.name, flags })).xml,
    nodeDeviceGetParent: async (d) => (await s.call(P.nodeDeviceGetParent, { name: d.name })).parentName ?? '',
    nodeDeviceListCaps: async (d) => {
      const { num } = await s.call(P.nodeDeviceNumOfCaps, { name: d.name });
      return (await s.call(P.nodeDeviceListCaps, { name: d.name, maxnames: num })).names;
    },
    nodeDeviceCreateXML: (xml_desc, flags) => dev(s.call(P.nodeDeviceCreateXML, { xml_desc, flags })),
    nodeDeviceDefineXML: (xml_desc, flags) => dev(s.call(P.nodeDeviceDefineXML, { xml_desc, flags })),
    nodeDeviceDestroy: (d) => s.call(P.nodeDeviceDestroy, { name: d.name }),
    nodeDeviceUndefine: (d, flags) => s.call(P.nodeDeviceUndefine, { name: d.name, flags }),
    nodeDeviceCreate: (d, flags) => s.call(P.nodeDeviceCreate, { name: d.name, flags }),
    nodeDeviceDettach: (d) => s.call(P.nodeDeviceDettach, { name: d.name }),
    nodeDeviceDetachFlags: (d, driverName, flags) => s.call(P.nodeDeviceDetachFlags, { name: d.name, driverName, flags }),
    nodeDeviceReAttach: (d) => s.call(P.nodeDeviceReAttach, { name: d.name }),
    nodeDeviceReset: (d) => s.call(P.nodeDeviceReset, { name: d.name }),
    nodeDeviceSetAutostart: (d, autostart) => s.call(P.nodeDeviceSetAutostart, { name: d.name, autostart }),
    nodeDeviceGetAutostart: async (d) => (await s.call(P.nodeDeviceGetAutostart, { name: d.name })).autostart,
    nodeDeviceIsActive: async (d) => (await s.call(P.nodeDeviceIsActive, { name: d.name })).active,
    nodeDeviceIsPersistent: async (d) => (await s.call(P.nodeDeviceIsPersistent, { name: d.name })).persistent,

    numOfSecrets: async () => (await s.call(P.connectNumOfSecrets, undefined)).num,
    listSecrets: async () => (await s.call(P.connectListSecrets, { maxuuids: MAX_NAMES })).uuids,
    listAllSecrets: async (flags) => (await s.call(P.connectListAllSecrets, { need_results: 1, flags })).secrets,
    secretLookupByUUIDString: async (uuid) => (await s.call(P.secretLookupByUUID, { uuid })).secret,
    secretLookupByUsage: async (usageType, usageID) => (await s.call(P.secretLookupByUsage, { usageType, usageID })).secret,
    secretDefineXML: async (xml, flags) => (await s.call(P.secretDefineXML, { xml, flags })).secret,
    secretGetXMLDesc: async (secret, flags) => (await s.call(P.secretGetXMLDesc, { secret, flags })).xml,
    secretSetValue: (secret, value, flags) => s.call(P.secretSetValue, { secret, value, flags }),
    secretGetValue: async (secret, flags) => (await s.call(P.secretGetValue, { secret, flags })).value,
    secretUndefine: (secret) => s.call(P.secretUndefine, { secret }),

    numOfNWFilters: async () => (await s.call(P.connectNumOfNWFilters, undefined)).num,
    listNWFilters: async () => (await s.call(P.connectListNWFilters, { maxnames: MAX_NAMES })).names,
    listAllNWFilters: async (flags) => (await s.call(P.connectListAllNWFilters, { need_results: 1, flags })).filters,
    nwfilterLookupByName: async (name) => (await s.call(P.nwfilterLookupByName, { name })).nwfilter,
    nwfilterLookupByUUIDString: async (uuid) => (await s.call(P.nwfilterLookupByUUID, { uuid })).nwfilter,
    nwfilterDefineXML: async (xml) => (await s.call(P.nwfilterDefineXML, { xml })).nwfilter,
    nwfilterDefineXMLFlags: async (xml, flags) => (await s.call(P.nwfilterDefineXMLFlags, { xml, flags })).nwfilter,
    nwfilterUndefine: (nwfilter) => s.call(P.nwfilterUndefine, { nwfilter }),
    nwfilterGetXMLDesc: async (nwfilter, flags) => (await s.call(P.nwfilterGetXMLDesc, { nwfilter, flags })).xml,
  };
}
