import { P } from '../../core/rpc/procedures/index.js';
import { listed, serve } from './serve.js';

/** VIR_TYPED_PARAM_STRING_OKAY: without it libvirtd leaves string parameters out. */
const STRING_OKAY = 4;

/** Host memory, pages, SEV and hypervisor CPU calls; network ports and network filter bindings. */
export const nodeExtraServed = [
  serve(P.nodeSetMemoryParameters, (c, a) => c.nodeSetMemoryParameters(a.params, a.flags)),
  serve(P.nodeAllocPages, async (c, a) => ({
    ret: await c.nodeAllocPages(a.pageSizes, a.pageCounts, a.startCell, a.cellCount, a.flags),
  })),
  serve(P.connectCompareHypervisorCPU, async (c, a) => ({
    result: await c.compareHypervisorCPU(a.emulator, a.arch, a.machine, a.virttype, a.xmlCPU, a.flags),
  })),
  serve(P.connectBaselineHypervisorCPU, async (c, a) => ({
    cpu: await c.baselineHypervisorCPU(a.emulator, a.arch, a.machine, a.virttype, a.xmlCPUs, a.flags),
  })),
  // libvirtd answers with the list only; the count travels as the list's length.
  serve(P.nodeGetSEVInfo, async (c, a) => {
    const params = await c.nodeGetSEVInfo(a.flags);
    return { params: a.flags & STRING_OKAY ? params : params.filter((p) => p.type !== 'string'), nparams: 0 };
  }),

  serve(P.nwfilterBindingLookupByPortDev, async (c, a) => ({ nwfilter: await c.nwfilterBindingLookupByPortDev(a.name) })),
  serve(P.nwfilterBindingGetXMLDesc, async (c, a) => ({ xml: await c.nwfilterBindingGetXMLDesc(a.nwfilter, a.flags) })),
  serve(P.nwfilterBindingCreateXML, async (c, a) => ({ nwfilter: await c.nwfilterBindingCreateXML(a.xml, a.flags) })),
  serve(P.nwfilterBindingDelete, (c, a) => c.nwfilterBindingDelete(a.nwfilter)),
  serve(P.connectListAllNWFilterBindings, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllNWFilterBindings(a.flags));
    return { bindings: items, ret };
  }),
  serve(P.networkListAllPorts, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.networkListAllPorts(a.network, a.flags));
    return { ports: items, ret };
  }),
  serve(P.networkPortCreateXML, async (c, a) => ({ port: await c.networkPortCreateXML(a.network, a.xml, a.flags) })),
];
