import type { InterfaceHandle } from './handles.js';

/** virConnectListAllInterfacesFlags */
export const ListInterfacesFlags = { INACTIVE: 1 << 0, ACTIVE: 1 << 1 } as const;
/** virInterfaceXMLFlags */
export const InterfaceXMLFlags = { INACTIVE: 1 << 0 } as const;
/** virInterfaceDefineFlags */
export const InterfaceDefineFlags = { VALIDATE: 1 << 0 } as const;

/** virInterface*: host interfaces and their change transactions. */
export interface InterfaceApi {
  listAllInterfaces(flags: number): Promise<InterfaceHandle[]>;
  interfaceLookupByName(name: string): Promise<InterfaceHandle>;
  interfaceLookupByMACString(mac: string): Promise<InterfaceHandle>;
  interfaceGetXMLDesc(iface: InterfaceHandle, flags: number): Promise<string>;
  interfaceDefineXML(xml: string, flags: number): Promise<InterfaceHandle>;
  interfaceUndefine(iface: InterfaceHandle): Promise<void>;
  interfaceCreate(iface: InterfaceHandle, flags: number): Promise<void>;
  interfaceDestroy(iface: InterfaceHandle, flags: number): Promise<void>;
  interfaceIsActive(iface: InterfaceHandle): Promise<boolean>;
  interfaceChangeBegin(flags: number): Promise<void>;
  interfaceChangeCommit(flags: number): Promise<void>;
  interfaceChangeRollback(flags: number): Promise<void>;
}
