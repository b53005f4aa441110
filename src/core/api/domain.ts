import type { DomainHandle } from './handles.js';

/** virDomainState */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;

export interface DomainInfo {
  state: number;
  /** KiB */
  maxMem: number;
  /** KiB */
  memory: number;
  nrVirtCpu: number;
  /** nanoseconds */
  cpuTime: number;
}

/** virDomain*: lookup, lifecycle, configuration. */
export interface DomainApi {
  domainLookupByName(name: string): Promise<DomainHandle>;
  domainLookupByID(id: number): Promise<DomainHandle>;
  domainLookupByUUID(uuid: string): Promise<DomainHandle>;
  /** virConnectListAllDomains with its VIR_CONNECT_LIST_DOMAINS_* flags. */
  listAllDomains(flags: number): Promise<DomainHandle[]>;
  domainDefineXML(xml: string, flags: number): Promise<DomainHandle>;
  domainGetInfo(dom: DomainHandle): Promise<DomainInfo>;
  domainGetXMLDesc(dom: DomainHandle, flags: number): Promise<string>;
}
