import { P } from '../../core/rpc/procedures/index.js';
import { fixedChars, packBits, serve, textToChars } from './serve.js';

/** virConnect* / virNode* calls served by the opened driver. */
export const hostServed = [
  serve(P.connectGetType, async (c) => ({ type: await c.getType() })),
  serve(P.connectGetVersion, async (c) => ({ hv_ver: BigInt(await c.getVersion()) })),
  serve(P.connectGetLibVersion, async (c) => ({ lib_ver: BigInt(await c.getLibVersion()) })),
  serve(P.connectGetHostname, async (c) => ({ hostname: await c.getHostname() })),
  serve(P.connectGetURI, async (c) => ({ uri: await c.getURI() })),
  serve(P.connectGetCapabilities, async (c) => ({ capabilities: await c.getCapabilities() })),
  serve(P.connectGetSysinfo, async (c, a) => ({ sysinfo: await c.getSysinfo(a.flags) })),
  serve(P.connectGetMaxVcpus, async (c, a) => ({ max_vcpus: await c.getMaxVcpus(a.type) })),
  serve(P.connectIsSecure, async () => ({ secure: 1 })),
  serve(P.connectGetDomainCapabilities, async (c, a) => ({
    capabilities: await c.getDomainCapabilities(a.emulatorbin, a.arch, a.machine, a.virttype, a.flags),
  })),
  serve(P.connectGetCPUModelNames, async (c, a) => {
    const models = await c.getCPUModelNames(a.arch, a.flags);
    return { models: a.need_results ? models : [], ret: models.length };
  }),
  serve(P.connectCompareCPU, async (c, a) => ({ result: await c.compareCPU(a.xml, a.flags) })),
  serve(P.connectBaselineCPU, async (c, a) => ({ cpu: await c.baselineCPU(a.xmlCPUs, a.flags) })),
  serve(P.nodeGetInfo, async (c) => {
    const i = await c.nodeGetInfo();
    return { ...i, model: fixedChars(i.model, 32), memory: BigInt(i.memory) };
  }),
  serve(P.nodeGetFreeMemory, async (c) => ({ freeMem: await c.nodeGetFreeMemory() })),
  serve(P.nodeGetCellsFreeMemory, async (c, a) => ({ cells: await c.nodeGetCellsFreeMemory(a.startCell, a.maxcells) })),
  // The two-step typed-list calls: nparams=0 asks for the count only.
  serve(P.nodeGetCPUStats, async (c, a) => {
    const params = await c.nodeGetCPUStats(a.cpuNum, a.flags);
    return { params: a.nparams ? params.slice(0, a.nparams) : [], nparams: params.length };
  }),
  serve(P.nodeGetMemoryStats, async (c, a) => {
    const params = await c.nodeGetMemoryStats(a.cellNum, a.flags);
    return { params: a.nparams ? params.slice(0, a.nparams) : [], nparams: params.length };
  }),
  serve(P.nodeGetMemoryParameters, async (c, a) => {
    const params = await c.nodeGetMemoryParameters(a.flags);
    return { params: a.nparams ? params.slice(0, a.nparams) : [], nparams: params.length };
  }),
  serve(P.nodeGetCPUMap, async (c, a) => {
    const m = await c.nodeGetCPUMap(a.flags);
    return {
      cpumap: a.need_map ? packBits(m.online) : new Uint8Array(),
      online: a.need_online ? m.online.filter(Boolean).length : 0,
      ret: m.cpus,
    };
  }),
  serve(P.nodeGetFreePages, async (c, a) => ({ counts: await c.nodeGetFreePages(a.pages, a.startCell, a.cellCount, a.flags) })),
  serve(P.nodeSuspendForDuration, (c, a) => c.nodeSuspendForDuration(a.target, a.duration, a.flags)),
  serve(P.nodeGetSecurityModel, async (c) => {
    const m = await c.nodeGetSecurityModel();
    return { model: textToChars(m.model), doi: textToChars(m.doi) };
  }),
  serve(P.connectDomainXMLFromNative, async (c, a) => ({
    domainXml: await c.connectDomainXMLFromNative(a.nativeFormat, a.nativeConfig, a.flags),
  })),
  serve(P.connectDomainXMLToNative, async (c, a) => ({
    nativeConfig: await c.connectDomainXMLToNative(a.nativeFormat, a.domainXml, a.flags),
  })),
];
