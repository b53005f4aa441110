import type { DomainHandle } from '../../../api/handles.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import { absolutePath, charsToText, unpackBits, type Ops } from './util.js';

const LIST_ALL = 1;

/** virDomain* over RPC: each call is one procedure, picking the flag-less legacy procedure
 * when the flags are 0 as libvirt's public API entry points do for virsh. */
export function domainOps(s: Session): Ops {
  const dom = async (p: Promise<{ dom: DomainHandle }>) => (await p).dom;
  return {
    domainLookupByName: (name) => dom(s.call(P.domainLookupByName, { name })),
    domainLookupByID: (id) => dom(s.call(P.domainLookupByID, { id })),
    domainLookupByUUID: (uuid) => dom(s.call(P.domainLookupByUUID, { uuid })),
    listAllDomains: async (flags) => (await s.call(P.connectListAllDomains, { need_results: LIST_ALL, flags })).domains,
    domainDefineXML: (xml, flags) =>
      dom(flags ? s.call(P.domainDefineXMLFlags, { xml, flags }) : s.call(P.domainDefineXML, { xml })),
    domainCreateXML: (xml_desc, flags) => dom(s.call(P.domainCreateXML, { xml_desc, flags })),
    // virDomainCreate has no result: the client looks the domain up again for its new id.
    domainCreate: async (d, flags) => {
      if (flags) return dom(s.call(P.domainCreateWithFlags, { dom: d, flags }));
      await s.call(P.domainCreate, { dom: d });
      return dom(s.call(P.domainLookupByUUID, { uuid: d.uuid }));
    },
    domainUndefine: (d, flags) => s.call(P.domainUndefineFlags, { dom: d, flags }),
    domainDestroy: (d, flags) => (flags ? s.call(P.domainDestroyFlags, { dom: d, flags }) : s.call(P.domainDestroy, { dom: d })),
    domainShutdown: (d, flags) => (flags ? s.call(P.domainShutdownFlags, { dom: d, flags }) : s.call(P.domainShutdown, { dom: d })),
    domainReboot: (d, flags) => s.call(P.domainReboot, { dom: d, flags }),
    domainReset: (d, flags) => s.call(P.domainReset, { dom: d, flags }),
    domainSuspend: (d) => s.call(P.domainSuspend, { dom: d }),
    domainResume: (d) => s.call(P.domainResume, { dom: d }),
    domainPMSuspendForDuration: (d, target, duration, flags) => s.call(P.domainPMSuspendForDuration, { dom: d, target, duration, flags }),
    domainPMWakeup: (d, flags) => s.call(P.domainPMWakeup, { dom: d, flags }),
    domainGetInfo: async (d) => {
      const r = await s.call(P.domainGetInfo, { dom: d });
      return { state: r.state, maxMem: Number(r.maxMem), memory: Number(r.memory), nrVirtCpu: r.nrVirtCpu, cpuTime: Number(r.cpuTime) };
    },
    domainGetState: (d, flags) => s.call(P.domainGetState, { dom: d, flags }),
    domainGetControlInfo: async (d, flags) => {
      const r = await s.call(P.domainGetControlInfo, { dom: d, flags });
      return { state: r.state, details: r.details, stateTime: Number(r.stateTime) };
    },
    domainGetXMLDesc: async (d, flags) => (await s.call(P.domainGetXMLDesc, { dom: d, flags })).xml,
    domainGetOSType: async (d) => (await s.call(P.domainGetOSType, { dom: d })).type,
    domainGetSecurityLabel: async (d) => {
      const r = await s.call(P.domainGetSecurityLabel, { dom: d });
      return { label: charsToText(r.label), enforcing: r.enforcing !== 0 };
    },
    domainGetMessages: async (d, flags) => (await s.call(P.domainGetMessages, { dom: d, flags })).msgs,
    domainIsActive: async (d) => (await s.call(P.domainIsActive, { dom: d })).active,
    domainIsPersistent: async (d) => (await s.call(P.domainIsPersistent, { dom: d })).persistent,
    domainGetAutostart: async (d) => (await s.call(P.domainGetAutostart, { dom: d })).autostart,
    domainSetAutostart: (d, autostart) => s.call(P.domainSetAutostart, { dom: d, autostart }),
    domainGetHostname: async (d, flags) => (await s.call(P.domainGetHostname, { dom: d, flags })).hostname,
    domainGetTime: (d, flags) => s.call(P.domainGetTime, { dom: d, flags }),
    domainSetTime: (d, seconds, nseconds, flags) => s.call(P.domainSetTime, { dom: d, seconds, nseconds, flags }),
    domainRename: async (d, new_name, flags) => {
      await s.call(P.domainRename, { dom: d, new_name, flags });
    },
    domainGetMetadata: async (d, type, uri, flags) => (await s.call(P.domainGetMetadata, { dom: d, type, uri: uri ?? undefined, flags })).metadata,
    domainSetMetadata: (d, type, metadata, key, uri, flags) =>
      s.call(P.domainSetMetadata, { dom: d, type, metadata: metadata ?? undefined, key: key ?? undefined, uri: uri ?? undefined, flags }),
    // Files the daemon opens travel as absolute paths, made so by the client (libvirt's public API).
    domainSave: (d, file, dxml, flags) => {
      const to = absolutePath(file);
      return dxml === null && !flags ? s.call(P.domainSave, { dom: d, to }) : s.call(P.domainSaveFlags, { dom: d, to, dxml: dxml ?? undefined, flags });
    },
    domainRestore: (file, dxml, flags) => {
      const from = absolutePath(file);
      return dxml === null && !flags ? s.call(P.domainRestore, { from }) : s.call(P.domainRestoreFlags, { from, dxml: dxml ?? undefined, flags });
    },
    domainSaveImageGetXMLDesc: async (file, flags) => (await s.call(P.domainSaveImageGetXMLDesc, { file: absolutePath(file), flags })).xml,
    domainSaveImageDefineXML: (file, dxml, flags) => s.call(P.domainSaveImageDefineXML, { file: absolutePath(file), dxml, flags }),
    domainManagedSave: (d, flags) => s.call(P.domainManagedSave, { dom: d, flags }),
    domainHasManagedSaveImage: async (d, flags) => (await s.call(P.domainHasManagedSaveImage, { dom: d, flags })).result,
    domainManagedSaveRemove: (d, flags) => s.call(P.domainManagedSaveRemove, { dom: d, flags }),
    domainManagedSaveGetXMLDesc: async (d, flags) => (await s.call(P.domainManagedSaveGetXMLDesc, { dom: d, flags })).xml,
    domainManagedSaveDefineXML: (d, dxml, flags) => s.call(P.domainManagedSaveDefineXML, { dom: d, dxml, flags }),
    domainCoreDump: (d, to, flags) => s.call(P.domainCoreDump, { dom: d, to: absolutePath(to), flags }),
    domainCoreDumpWithFormat: (d, to, dumpformat, flags) =>
      s.call(P.domainCoreDumpWithFormat, { dom: d, to: absolutePath(to), dumpformat, flags }),
    domainGetJobInfo: async (d) => {
      const r = await s.call(P.domainGetJobInfo, { dom: d });
      const n = (v: bigint) => Number(v);
      return {
        type: r.type,
        timeElapsed: n(r.timeElapsed),
        timeRemaining: n(r.timeRemaining),
        dataTotal: n(r.dataTotal),
        dataProcessed: n(r.dataProcessed),
        dataRemaining: n(r.dataRemaining),
        memTotal: n(r.memTotal),
        memProcessed: n(r.memProcessed),
        memRemaining: n(r.memRemaining),
        fileTotal: n(r.fileTotal),
        fileProcessed: n(r.fileProcessed),
        fileRemaining: n(r.fileRemaining),
      };
    },
    domainAbortJob: (d) => s.call(P.domainAbortJob, { dom: d }),
    domainAbortJobFlags: (d, flags) => s.call(P.domainAbortJobFlags, { dom: d, flags }),
    domainInjectNMI: (d, flags) => s.call(P.domainInjectNMI, { dom: d, flags }),
    connectDomainXMLFromNative: async (nativeFormat, nativeConfig, flags) =>
      (await s.call(P.connectDomainXMLFromNative, { nativeFormat, nativeConfig, flags })).domainXml,
    connectDomainXMLToNative: async (nativeFormat, domainXml, flags) =>
      (await s.call(P.connectDomainXMLToNative, { nativeFormat, domainXml, flags })).nativeConfig,

    domainAttachDevice: (d, xml) => s.call(P.domainAttachDevice, { dom: d, xml }),
    domainAttachDeviceFlags: (d, xml, flags) => s.call(P.domainAttachDeviceFlags, { dom: d, xml, flags }),
    domainDetachDevice: (d, xml) => s.call(P.domainDetachDevice, { dom: d, xml }),
    domainDetachDeviceFlags: (d, xml, flags) => s.call(P.domainDetachDeviceFlags, { dom: d, xml, flags }),
    domainUpdateDeviceFlags: (d, xml, flags) => s.call(P.domainUpdateDeviceFlags, { dom: d, xml, flags }),
    domainGetVcpusFlags: async (d, flags) => (await s.call(P.domainGetVcpusFlags, { dom: d, flags })).num,
    domainSetVcpusFlags: (d, nvcpus, flags) => s.call(P.domainSetVcpusFlags, { dom: d, nvcpus, flags }),
    domainGetMaxVcpus: async (d) => (await s.call(P.domainGetMaxVcpus, { dom: d })).num,
    domainGetVcpus: async (d, maxinfo) => {
      const cpus = (await s.call(P.nodeGetCPUMap, { need_map: 0, need_online: 0, flags: 0 })).ret;
      const maplen = Math.ceil(cpus / 8);
      const r = await s.call(P.domainGetVcpus, { dom: d, maxinfo, maplen });
      return {
        info: r.info.map((v) => ({ number: v.number, state: v.state, cpuTime: v.cpu_time, cpu: v.cpu })),
        cpumaps: r.info.map((_, i) => unpackBits(r.cpumaps.subarray(i * maplen, (i + 1) * maplen), cpus)),
      };
    },
    domainSetMemoryFlags: (d, memory, flags) => s.call(P.domainSetMemoryFlags, { dom: d, memory, flags }),
    domainSetMemory: (d, memory) => s.call(P.domainSetMemory, { dom: d, memory }),
    domainSetMaxMemory: (d, memory) => s.call(P.domainSetMaxMemory, { dom: d, memory }),
    domainGetMaxMemory: async (d) => (await s.call(P.domainGetMaxMemory, { dom: d })).memory,
    domainMemoryStats: async (d, maxStats, flags) =>
      (await s.call(P.domainMemoryStats, { dom: d, maxStats, flags })).stats.map((st) => ({ tag: st.tag, value: st.val })),
    domainBlockStats: async (d, path) => {
      const r = await s.call(P.domainBlockStats, { dom: d, path });
      return { rdReq: r.rd_req, rdBytes: r.rd_bytes, wrReq: r.wr_req, wrBytes: r.wr_bytes, errs: r.errs };
    },
    domainBlockStatsFlags: async (d, path, flags) => {
      const { nparams } = await s.call(P.domainBlockStatsFlags, { dom: d, path, nparams: 0, flags });
      return (await s.call(P.domainBlockStatsFlags, { dom: d, path, nparams, flags })).params;
    },
    domainInterfaceStats: async (d, device) => {
      const r = await s.call(P.domainInterfaceStats, { dom: d, device });
      return {
        rxBytes: r.rx_bytes,
        rxPackets: r.rx_packets,
        rxErrs: r.rx_errs,
        rxDrop: r.rx_drop,
        txBytes: r.tx_bytes,
        txPackets: r.tx_packets,
        txErrs: r.tx_errs,
        txDrop: r.tx_drop,
      };
    },
    domainGetBlockInfo: (d, path, flags) => s.call(P.domainGetBlockInfo, { dom: d, path, flags }),
    connectGetAllDomainStats: async (stats, flags) => (await s.call(P.connectGetAllDomainStats, { doms: [], stats, flags })).retStats,
    domainListGetStats: async (doms, stats, flags) => (await s.call(P.connectGetAllDomainStats, { doms, stats, flags })).retStats,
    domainGetSchedulerType: (d) => s.call(P.domainGetSchedulerType, { dom: d }),
  };
}
