import type { DomainHandle } from './handles.js';

export interface NWFilterHandle {
  name: string;
  uuid: string;
}

export interface NWFilterBindingHandle {
  portdev: string;
  filtername: string;
}

/** virNWFilter* and virNWFilterBinding*: network filters and their port bindings. */
export interface NWFilterApi {
  numOfNWFilters(): Promise<number>;
  listNWFilters(): Promise<string[]>;
  listAllNWFilters(flags: number): Promise<NWFilterHandle[]>;
  nwfilterLookupByName(name: string): Promise<NWFilterHandle>;
  nwfilterLookupByUUIDString(uuid: string): Promise<NWFilterHandle>;
  nwfilterDefineXML(xml: string): Promise<NWFilterHandle>;
  nwfilterDefineXMLFlags(xml: string, flags: number): Promise<NWFilterHandle>;
  nwfilterUndefine(filter: NWFilterHandle): Promise<void>;
  nwfilterGetXMLDesc(filter: NWFilterHandle, flags: number): Promise<string>;
  listAllNWFilterBindings(flags: number): Promise<NWFilterBindingHandle[]>;
  nwfilterBindingLookupByPortDev(portdev: string): Promise<NWFilterBindingHandle>;
  nwfilterBindingCreateXML(xml: string, flags: number): Promise<NWFilterBindingHandle>;
  nwfilterBindingDelete(binding: NWFilterBindingHandle): Promise<void>;
  nwfilterBindingGetXMLDesc(binding: NWFilterBindingHandle, flags: number): Promise<string>;
}

/** virDomainBackup*: push/pull backups of a running domain. */
export interface BackupApi {
  domainBackupBegin(dom: DomainHandle, backupXml: string, checkpointXml: string | undefined, flags: number): Promise<void>;
  domainBackupGetXMLDesc(dom: DomainHandle, flags: number): Promise<string>;
}
