import type { NetworkHandle } from './handles.js';

/** virConnectListAllNetworksFlags */
export const ListNetworksFlags = {
  INACTIVE: 1 << 0,
  ACTIVE: 1 << 1,
  PERSISTENT: 1 << 2,
  TRANSIENT: 1 << 3,
  AUTOSTART: 1 << 4,
  NO_AUTOSTART: 1 << 5,
} as const;

/** virNetworkXMLFlags */
export const NetworkXMLFlags = { INACTIVE: 1 << 0 } as const;
/** virNetworkCreateFlags / virNetworkDefineFlags */
export const NetworkCreateFlags = { VALIDATE: 1 << 0 } as const;
/** virNetworkUpdateFlags */
export const NetworkUpdateFlags = { AFFECT_CURRENT: 0, AFFECT_LIVE: 1 << 0, AFFECT_CONFIG: 1 << 1 } as const;

/** virNetworkEventLifecycleType */
export const NetworkEventLifecycle = { DEFINED: 0, UNDEFINED: 1, STARTED: 2, STOPPED: 3 } as const;
/** virNetworkEventID */
export const NetworkEventID = { LIFECYCLE: 0 } as const;

export interface NetworkLifecycleEvent {
  network: NetworkHandle;
  event: number;
  detail: number;
}

export type NetworkEventCallback = (ev: NetworkLifecycleEvent) => void;

/** virNetworkDHCPLease */
export interface NetworkDHCPLease {
  iface: string;
  expirytime: number;
  type: number;
  mac: string;
  iaid?: string;
  ipaddr: string;
  prefix: number;
  hostname?: string;
  clientid?: string;
}

export interface NetworkPortHandle {
  network: NetworkHandle;
  uuid: string;
}

/** virNetwork* and virNetworkPort*. */
export interface NetworkApi {
  networkLookupByName(name: string): Promise<NetworkHandle>;
  /** Takes the UUID as text (virNetworkLookupByUUIDString). */
  networkLookupByUUID(uuid: string): Promise<NetworkHandle>;
  /** virConnectListAllNetworks with VIR_CONNECT_LIST_NETWORKS_* flags. */
  listAllNetworks(flags: number): Promise<NetworkHandle[]>;
  networkCreateXML(xml: string, flags: number): Promise<NetworkHandle>;
  networkDefineXML(xml: string, flags: number): Promise<NetworkHandle>;
  networkUndefine(net: NetworkHandle): Promise<void>;
  networkCreate(net: NetworkHandle): Promise<void>;
  networkDestroy(net: NetworkHandle): Promise<void>;
  networkUpdate(net: NetworkHandle, command: number, section: number, parentIndex: number, xml: string, flags: number): Promise<void>;
  networkGetXMLDesc(net: NetworkHandle, flags: number): Promise<string>;
  networkGetBridgeName(net: NetworkHandle): Promise<string>;
  networkGetAutostart(net: NetworkHandle): Promise<boolean>;
  networkSetAutostart(net: NetworkHandle, autostart: boolean): Promise<void>;
  networkIsActive(net: NetworkHandle): Promise<boolean>;
  networkIsPersistent(net: NetworkHandle): Promise<boolean>;
  networkGetDHCPLeases(net: NetworkHandle, mac: string | undefined, flags: number): Promise<NetworkDHCPLease[]>;
  /** virConnectNetworkEventRegisterAny; returns the callback id. */
  networkEventRegisterAny(net: NetworkHandle | undefined, eventID: number, cb: NetworkEventCallback): Promise<number>;
  networkEventDeregisterAny(callbackID: number): Promise<void>;
  networkListAllPorts(net: NetworkHandle, flags: number): Promise<NetworkPortHandle[]>;
  networkPortLookupByUUID(net: NetworkHandle, uuid: string): Promise<NetworkPortHandle>;
  networkPortCreateXML(net: NetworkHandle, xml: string, flags: number): Promise<NetworkPortHandle>;
  networkPortGetXMLDesc(port: NetworkPortHandle, flags: number): Promise<string>;
  networkPortDelete(port: NetworkPortHandle, flags: number): Promise<void>;
}
