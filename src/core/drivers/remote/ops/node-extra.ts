import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import { stringsOkay, type Ops } from './util.js';

/** Host memory, pages, SEV and hypervisor CPU calls; network ports and filter bindings over RPC. */
export function nodeExtraOps(s: Session): Ops {
  return {
    nodeSetMemoryParameters: (params, flags) => s.call(P.nodeSetMemoryParameters, { params, flags }),
    nodeAllocPages: async (pageSizes, pageCounts, startCell, cellCount, flags) =>
      (await s.call(P.nodeAllocPages, { pageSizes, pageCounts, startCell, cellCount, flags })).ret,
    compareHypervisorCPU: async (emulator, arch, machine, virttype, xmlCPU, flags) =>
      (await s.call(P.connectCompareHypervisorCPU, { emulator, arch, machine, virttype, xmlCPU, flags })).result,
    baselineHypervisorCPU: async (emulator, arch, machine, virttype, xmlCPUs, flags) =>
      (await s.call(P.connectBaselineHypervisorCPU, { emulator, arch, machine, virttype, xmlCPUs, flags })).cpu,
    nodeGetSEVInfo: async (flags) => (await s.call(P.nodeGetSEVInfo, { nparams: 0, flags: await stringsOkay(s, flags) })).params,

    listAllNWFilterBindings: async (flags) => (await s.call(P.connectListAllNWFilterBindings, { need_results: 1, flags })).bindings,
    nwfilterBindingLookupByPortDev: async (name) => (await s.call(P.nwfilterBindingLookupByPortDev, { name })).nwfilter,
    nwfilterBindingCreateXML: async (xml, flags) => (await s.call(P.nwfilterBindingCreateXML, { xml, flags })).nwfilter,
    nwfilterBindingDelete: (nwfilter) => s.call(P.nwfilterBindingDelete, { nwfilter }),
    nwfilterBindingGetXMLDesc: async (nwfilter, flags) => (await s.call(P.nwfilterBindingGetXMLDesc, { nwfilter, flags })).xml,
    networkListAllPorts: async (network, flags) => (await s.call(P.networkListAllPorts, { network, need_results: 1, flags })).ports,
    networkPortCreateXML: async (network, xml, flags) => (await s.call(P.networkPortCreateXML, { network, xml, flags })).port,
  };
}
