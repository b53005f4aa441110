import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import { charsToText, stringsOkay, unpackBits, type Ops } from './util.js';

/** virConnect* / virNode* over RPC. `uri` is the client's own URI (virConnectGetURI is local). */
export function hostOps(s: Session, uri: string): Ops {
  return {
    close: () => s.close(),
    setKeepAlive: (interval, count) => s.setKeepAlive(interval, count),
    getURI: async () => uri,
    getType: async () => (await s.call(P.connectGetType, undefined)).type,
    getHostname: async () => (await s.call(P.connectGetHostname, undefined)).hostname,
    getVersion: async () => Number((await s.call(P.connectGetVersion, undefined)).hv_ver),
    getLibVersion: async () => Number((await s.call(P.connectGetLibVersion, undefined)).lib_ver),
    getCapabilities: async () => (await s.call(P.connectGetCapabilities, undefined)).capabilities,
    getSysinfo: async (flags) => (await s.call(P.connectGetSysinfo, { flags })).sysinfo,
    getMaxVcpus: async (type) => (await s.call(P.connectGetMaxVcpus, { type })).max_vcpus,
    getDomainCapabilities: async (emulatorbin, arch, machine, virttype, flags) =>
      (await s.call(P.connectGetDomainCapabilities, { emulatorbin, arch, machine, virttype, flags })).capabilities,
    getCPUModelNames: async (arch, flags) => (await s.call(P.connectGetCPUModelNames, { arch, need_results: 1, flags })).models,
    compareCPU: async (xml, flags) => (await s.call(P.connectCompareCPU, { xml, flags })).result,
    baselineCPU: async (xmlCPUs, flags) => (await s.call(P.connectBaselineCPU, { xmlCPUs, flags })).cpu,
    nodeGetInfo: async () => {
      const r = await s.call(P.nodeGetInfo, undefined);
      return { ...r, model: charsToText(r.model), memory: Number(r.memory) };
    },
    nodeGetFreeMemory: async () => (await s.call(P.nodeGetFreeMemory, undefined)).freeMem,
    nodeGetCellsFreeMemory: async (startCell, maxcells) => (await s.call(P.nodeGetCellsFreeMemory, { startCell, maxcells })).cells,
    // Two calls, as libvirt's API is used: the count first, then that many values.
    nodeGetCPUStats: async (cpuNum, flags) => {
      const { nparams } = await s.call(P.nodeGetCPUStats, { cpuNum, nparams: 0, flags });
      return (await s.call(P.nodeGetCPUStats, { cpuNum, nparams, flags })).params;
    },
    nodeGetMemoryStats: async (cellNum, flags) => {
      const { nparams } = await s.call(P.nodeGetMemoryStats, { nparams: 0, cellNum, flags });
      return (await s.call(P.nodeGetMemoryStats, { nparams, cellNum, flags })).params;
    },
    nodeGetMemoryParameters: async (given) => {
      const flags = await stringsOkay(s, given);
      const { nparams } = await s.call(P.nodeGetMemoryParameters, { nparams: 0, flags });
      return nparams ? (await s.call(P.nodeGetMemoryParameters, { nparams, flags })).params : [];
    },
    nodeGetCPUMap: async (flags) => {
      const r = await s.call(P.nodeGetCPUMap, { need_map: 1, need_online: 1, flags });
      return { cpus: r.ret, online: unpackBits(r.cpumap, r.ret) };
    },
    nodeGetFreePages: async (pages, startCell, cellCount, flags) =>
      (await s.call(P.nodeGetFreePages, { pages, startCell, cellCount, flags })).counts,
    nodeSuspendForDuration: (target, duration, flags) => s.call(P.nodeSuspendForDuration, { target, duration: BigInt(duration), flags }),
    nodeGetSecurityModel: async () => {
      const r = await s.call(P.nodeGetSecurityModel, undefined);
      return { model: charsToText(r.model), doi: charsToText(r.doi) };
    },
  };
}
