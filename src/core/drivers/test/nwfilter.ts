import type { BackupApi, NWFilterApi } from '../../api/nwfilter.js';
import { unsupported } from '../../errors.js';
import type { TestNode } from './node.js';

/** The test driver has neither an nwfilter driver nor backup support: every call says so. */
export function nwfilterOps(_node: TestNode): NWFilterApi & BackupApi {
  const none = (api: string) => async () => {
    throw unsupported(api);
  };
  return {
    numOfNWFilters: none('virConnectNumOfNWFilters'),
    listNWFilters: none('virConnectListNWFilters'),
    listAllNWFilters: none('virConnectListAllNWFilters'),
    nwfilterLookupByName: none('virNWFilterLookupByName'),
    nwfilterLookupByUUIDString: none('virNWFilterLookupByUUID'),
    nwfilterDefineXML: none('virNWFilterDefineXML'),
    nwfilterDefineXMLFlags: none('virNWFilterDefineXMLFlags'),
    nwfilterUndefine: none('virNWFilterUndefine'),
    nwfilterGetXMLDesc: none('virNWFilterGetXMLDesc'),
    listAllNWFilterBindings: none('virConnectListAllNWFilterBindings'),
    nwfilterBindingLookupByPortDev: none('virNWFilterBindingLookupByPortDev'),
    nwfilterBindingCreateXML: none('virNWFilterBindingCreateXML'),
    nwfilterBindingDelete: none('virNWFilterBindingDelete'),
    nwfilterBindingGetXMLDesc: none('virNWFilterBindingGetXMLDesc'),
    domainBackupBegin: none('virDomainBackupBegin'),
    domainBackupGetXMLDesc: none('virDomainBackupGetXMLDesc'),
  };
}
