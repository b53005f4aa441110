import { P } from '../../core/rpc/procedures/index.js';
import { listed, serve } from './serve.js';

/** Host interfaces, node devices, secrets and network filters. */
export const objectServed = [
  serve(P.connectListAllInterfaces, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllInterfaces(a.flags));
    return { ifaces: items, ret };
  }),
  serve(P.interfaceLookupByName, async (c, a) => ({ iface: await c.interfaceLookupByName(a.name) })),
  serve(P.interfaceLookupByMACString, async (c, a) => ({ iface: await c.interfaceLookupByMACString(a.mac) })),
  serve(P.interfaceGetXMLDesc, async (c, a) => ({ xml: await c.interfaceGetXMLDesc(a.iface, a.flags) })),
  serve(P.interfaceDefineXML, async (c, a) => ({ iface: await c.interfaceDefineXML(a.xml, a.flags) })),
  serve(P.interfaceUndefine, (c, a) => c.interfaceUndefine(a.iface)),
  serve(P.interfaceCreate, (c, a) => c.interfaceCreate(a.iface, a.flags)),
  serve(P.interfaceDestroy, (c, a) => c.interfaceDestroy(a.iface, a.flags)),
  serve(P.interfaceIsActive, async (c, a) => ({ active: await c.interfaceIsActive(a.iface) })),
  serve(P.interfaceChangeBegin, (c, a) => c.interfaceChangeBegin(a.flags)),
  serve(P.interfaceChangeCommit, (c, a) => c.interfaceChangeCommit(a.flags)),
  serve(P.interfaceChangeRollback, (c, a) => c.interfaceChangeRollback(a.flags)),

  serve(P.nodeNumOfDevices, async (c, a) => ({ num: await c.nodeNumOfDevices(a.cap, a.flags) })),
  serve(P.nodeListDevices, async (c, a) => ({ names: (await c.nodeListDevices(a.cap, a.flags)).slice(0, a.maxnames) })),
  serve(P.connectListAllNodeDevices, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllNodeDevices(a.flags));
    return { devices: items, ret };
  }),
  serve(P.nodeDeviceLookupByName, async (c, a) => ({ dev: await c.nodeDeviceLookupByName(a.name) })),
  serve(P.nodeDeviceLookupSCSIHostByWWN, async (c, a) => ({ dev: await c.nodeDeviceLookupSCSIHostByWWN(a.wwnn, a.wwpn, a.flags) })),
  serve(P.nodeDeviceGetXMLDesc, async (c, a) => ({ xml: await c.nodeDeviceGetXMLDesc({ name: a.name }, a.flags) })),
  serve(P.nodeDeviceGetParent, async (c, a) => ({ parentName: (await c.nodeDeviceGetParent({ name: a.name })) || undefined })),
  serve(P.nodeDeviceNumOfCaps, async (c, a) => ({ num: (await c.nodeDeviceListCaps({ name: a.name })).length })),
  serve(P.nodeDeviceListCaps, async (c, a) => ({ names: (await c.nodeDeviceListCaps({ name: a.name })).slice(0, a.maxnames) })),
  serve(P.nodeDeviceCreateXML, async (c, a) => ({ dev: await c.nodeDeviceCreateXML(a.xml_desc, a.flags) })),
  serve(P.nodeDeviceDefineXML, async (c, a) => ({ dev: await c.nodeDeviceDefineXML(a.xml_desc, a.flags) })),
  serve(P.nodeDeviceDestroy, (c, a) => c.nodeDeviceDestroy({ name: a.name })),
  serve(P.nodeDeviceUndefine, (c, a) => c.nodeDeviceUndefine({ name: a.name }, a.flags)),
  serve(P.nodeDeviceCreate, (c, a) => c.nodeDeviceCreate({ name: a.name }, a.flags)),
  serve(P.nodeDeviceDettach, (c, a) => c.nodeDeviceDettach({ name: a.name })),
  serve(P.nodeDeviceDetachFlags, (c, a) => c.nodeDeviceDetachFlags({ name: a.name }, a.driverName, a.flags)),
  serve(P.nodeDeviceReAttach, (c, a) => c.nodeDeviceReAttach({ name: a.name })),
  serve(P.nodeDeviceReset, (c, a) => c.nodeDeviceReset({ name: a.name })),
  serve(P.nodeDeviceSetAutostart, (c, a) => c.nodeDeviceSetAutostart({ name: a.name }, a.autostart)),
  serve(P.nodeDeviceGetAutostart, async (c, a) => ({ autostart: await c.nodeDeviceGetAutostart({ name: a.name }) })),
  serve(P.nodeDeviceIsActive, async (c, a) => ({ active: await c.nodeDeviceIsActive({ name: a.name }) })),
  serve(P.nodeDeviceIsPersistent, async (c, a) => ({ persistent: await c.nodeDeviceIsPersistent({ name: a.name }) })),

  serve(P.connectNumOfSecrets, async (c) => ({ num: await c.numOfSecrets() })),
  serve(P.connectListSecrets, async (c, a) => ({ uuids: (await c.listSecrets()).slice(0, a.maxuuids) })),
  serve(P.connectListAllSecrets, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllSecrets(a.flags));
    return { secrets: items, ret };
  }),
  serve(P.secretLookupByUUID, async (c, a) => ({ secret: await c.secretLookupByUUIDString(a.uuid) })),
  serve(P.secretLookupByUsage, async (c, a) => ({ secret: await c.secretLookupByUsage(a.usageType, a.usageID) })),
  serve(P.secretDefineXML, async (c, a) => ({ secret: await c.secretDefineXML(a.xml, a.flags) })),
  serve(P.secretGetXMLDesc, async (c, a) => ({ xml: await c.secretGetXMLDesc(a.secret, a.flags) })),
  serve(P.secretSetValue, (c, a) => c.secretSetValue(a.secret, a.value, a.flags)),
  serve(P.secretGetValue, async (c, a) => ({ value: await c.secretGetValue(a.secret, a.flags) })),
  serve(P.secretUndefine, (c, a) => c.secretUndefine(a.secret)),

  serve(P.connectNumOfNWFilters, async (c) => ({ num: await c.numOfNWFilters() })),
  serve(P.connectListNWFilters, async (c, a) => ({ names: (await c.listNWFilters()).slice(0, a.maxnames) })),
  serve(P.connectListAllNWFilters, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllNWFilters(a.flags));
    return { filters: items, ret };
  }),
  serve(P.nwfilterLookupByName, async (c, a) => ({ nwfilter: await c.nwfilterLookupByName(a.name) })),
  serve(P.nwfilterLookupByUUID, async (c, a) => ({ nwfilter: await c.nwfilterLookupByUUIDString(a.uuid) })),
  serve(P.nwfilterDefineXML, async (c, a) => ({ nwfilter: await c.nwfilterDefineXML(a.xml) })),
  serve(P.nwfilterDefineXMLFlags, async (c, a) => ({ nwfilter: await c.nwfilterDefineXMLFlags(a.xml, a.flags) })),
  serve(P.nwfilterUndefine, (c, a) => c.nwfilterUndefine(a.nwfilter)),
  serve(P.nwfilterGetXMLDesc, async (c, a) => ({ xml: await c.nwfilterGetXMLDesc(a.nwfilter, a.flags) })),
];
