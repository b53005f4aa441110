import { P } from '../../core/rpc/procedures/index.js';
import { listed, packBits, serve, textToChars } from './serve.js';

/** Domain lookup, lifecycle and configuration calls. */
export const domainServed = [
  serve(P.domainLookupByName, async (c, a) => ({ dom: await c.domainLookupByName(a.name) })),
  serve(P.domainLookupByID, async (c, a) => ({ dom: await c.domainLookupByID(a.id) })),
  serve(P.domainLookupByUUID, async (c, a) => ({ dom: await c.domainLookupByUUID(a.uuid) })),
  serve(P.connectListAllDomains, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllDomains(a.flags));
    return { domains: items, ret };
  }),
  serve(P.domainDefineXML, async (c, a) => ({ dom: await c.domainDefineXML(a.xml, 0) })),
  serve(P.domainDefineXMLFlags, async (c, a) => ({ dom: await c.domainDefineXML(a.xml, a.flags) })),
  serve(P.domainCreateXML, async (c, a) => ({ dom: await c.domainCreateXML(a.xml_desc, a.flags) })),
  serve(P.domainCreate, async (c, a) => {
    await c.domainCreate(a.dom, 0);
  }),
  serve(P.domainCreateWithFlags, async (c, a) => ({ dom: await c.domainCreate(a.dom, a.flags) })),
  serve(P.domainUndefine, (c, a) => c.domainUndefine(a.dom, 0)),
  serve(P.domainUndefineFlags, (c, a) => c.domainUndefine(a.dom, a.flags)),
  serve(P.domainDestroy, (c, a) => c.domainDestroy(a.dom, 0)),
  serve(P.domainDestroyFlags, (c, a) => c.domainDestroy(a.dom, a.flags)),
  serve(P.domainShutdown, (c, a) => c.domainShutdown(a.dom, 0)),
  serve(P.domainShutdownFlags, (c, a) => c.domainShutdown(a.dom, a.flags)),
  serve(P.domainReboot, (c, a) => c.domainReboot(a.dom, a.flags)),
  serve(P.domainReset, (c, a) => c.domainReset(a.dom, a.flags)),
  serve(P.domainSuspend, (c, a) => c.domainSuspend(a.dom)),
  serve(P.domainResume, (c, a) => c.domainResume(a.dom)),
  serve(P.domainPMSuspendForDuration, (c, a) => c.domainPMSuspendForDuration(a.dom, a.target, a.duration, a.flags)),
  serve(P.domainPMWakeup, (c, a) => c.domainPMWakeup(a.dom, a.flags)),
  serve(P.domainGetInfo, async (c, a) => {
    const i = await c.domainGetInfo(a.dom);
    return { state: i.state, maxMem: BigInt(i.maxMem), memory: BigInt(i.memory), nrVirtCpu: i.nrVirtCpu, cpuTime: BigInt(i.cpuTime) };
  }),
  serve(P.domainGetState, (c, a) => c.domainGetState(a.dom, a.flags)),
  serve(P.domainGetControlInfo, async (c, a) => {
    const i = await c.domainGetControlInfo(a.dom, a.flags);
    return { ...i, stateTime: BigInt(i.stateTime) };
  }),
  serve(P.domainGetXMLDesc, async (c, a) => ({ xml: await c.domainGetXMLDesc(a.dom, a.flags) })),
  serve(P.domainGetOSType, async (c, a) => ({ type: await c.domainGetOSType(a.dom) })),
  serve(P.domainGetSecurityLabel, async (c, a) => {
    const l = await c.domainGetSecurityLabel(a.dom);
    return { label: textToChars(l.label), enforcing: l.enforcing ? 1 : 0 };
  }),
  serve(P.domainGetMessages, async (c, a) => ({ msgs: await c.domainGetMessages(a.dom, a.flags) })),
  serve(P.domainIsActive, async (c, a) => ({ active: await c.domainIsActive(a.dom) })),
  serve(P.domainIsPersistent, async (c, a) => ({ persistent: await c.domainIsPersistent(a.dom) })),
  serve(P.domainGetAutostart, async (c, a) => ({ autostart: await c.domainGetAutostart(a.dom) })),
  serve(P.domainSetAutostart, (c, a) => c.domainSetAutostart(a.dom, a.autostart)),
  serve(P.domainGetHostname, async (c, a) => ({ hostname: await c.domainGetHostname(a.dom, a.flags) })),
  serve(P.domainGetTime, (c, a) => c.domainGetTime(a.dom, a.flags)),
  serve(P.domainSetTime, (c, a) => c.domainSetTime(a.dom, a.seconds, a.nseconds, a.flags)),
  serve(P.domainRename, async (c, a) => {
    await c.domainRename(a.dom, a.new_name as string, a.flags);
    return { retcode: 0 };
  }),
  serve(P.domainGetMetadata, async (c, a) => ({ metadata: await c.domainGetMetadata(a.dom, a.type, a.uri ?? null, a.flags) })),
  serve(P.domainSetMetadata, (c, a) => c.domainSetMetadata(a.dom, a.type, a.metadata ?? null, a.key ?? null, a.uri ?? null, a.flags)),
  serve(P.domainSave, (c, a) => c.domainSave(a.dom, a.to, null, 0)),
  serve(P.domainSaveFlags, (c, a) => c.domainSave(a.dom, a.to, a.dxml ?? null, a.flags)),
  serve(P.domainRestore, (c, a) => c.domainRestore(a.from, null, 0)),
  serve(P.domainRestoreFlags, (c, a) => c.domainRestore(a.from, a.dxml ?? null, a.flags)),
  serve(P.domainSaveImageGetXMLDesc, async (c, a) => ({ xml: await c.domainSaveImageGetXMLDesc(a.file, a.flags) })),
  serve(P.domainSaveImageDefineXML, (c, a) => c.domainSaveImageDefineXML(a.file, a.dxml, a.flags)),
  serve(P.domainManagedSave, (c, a) => c.domainManagedSave(a.dom, a.flags)),
  serve(P.domainHasManagedSaveImage, async (c, a) => ({ result: await c.domainHasManagedSaveImage(a.dom, a.flags) })),
  serve(P.domainManagedSaveRemove, (c, a) => c.domainManagedSaveRemove(a.dom, a.flags)),
  serve(P.domainManagedSaveGetXMLDesc, async (c, a) => ({ xml: await c.domainManagedSaveGetXMLDesc(a.dom, a.flags) })),
  serve(P.domainManagedSaveDefineXML, (c, a) => c.domainManagedSaveDefineXML(a.dom, a.dxml as string, a.flags)),
  serve(P.domainCoreDump, (c, a) => c.domainCoreDump(a.dom, a.to, a.flags)),
  serve(P.domainCoreDumpWithFormat, (c, a) => c.domainCoreDumpWithFormat(a.dom, a.to, a.dumpformat, a.flags)),
  serve(P.domainGetJobInfo, async (c, a) => {
    const j = await c.domainGetJobInfo(a.dom);
    const out: Record<string, unknown> = { type: j.type };
    for (const [k, v] of Object.entries(j)) if (k !== 'type') out[k] = BigInt(v);
    return out as never;
  }),
  serve(P.domainAbortJob, (c, a) => c.domainAbortJob(a.dom)),
  serve(P.domainAbortJobFlags, (c, a) => c.domainAbortJobFlags(a.dom, a.flags)),
  serve(P.domainInjectNMI, (c, a) => c.domainInjectNMI(a.dom, a.flags)),
  serve(P.domainGetSchedulerType, (c, a) => c.domainGetSchedulerType(a.dom)),
];

/** Devices, vCPUs, memory and statistics. */
export const domainDeviceServed = [
  serve(P.domainAttachDevice, (c, a) => c.domainAttachDevice(a.dom, a.xml)),
  serve(P.domainAttachDeviceFlags, (c, a) => c.domainAttachDeviceFlags(a.dom, a.xml, a.flags)),
  serve(P.domainDetachDevice, (c, a) => c.domainDetachDevice(a.dom, a.xml)),
  serve(P.domainDetachDeviceFlags, (c, a) => c.domainDetachDeviceFlags(a.dom, a.xml, a.flags)),
  serve(P.domainUpdateDeviceFlags, (c, a) => c.domainUpdateDeviceFlags(a.dom, a.xml, a.flags)),
  serve(P.domainGetVcpusFlags, async (c, a) => ({ num: await c.domainGetVcpusFlags(a.dom, a.flags) })),
  serve(P.domainSetVcpusFlags, (c, a) => c.domainSetVcpusFlags(a.dom, a.nvcpus, a.flags)),
  serve(P.domainGetMaxVcpus, async (c, a) => ({ num: await c.domainGetMaxVcpus(a.dom) })),
  serve(P.domainGetVcpus, async (c, a) => {
    const r = await c.domainGetVcpus(a.dom, a.maxinfo);
    const info = r.info.slice(0, a.maxinfo);
    const maps = info.map((_, i) => packBits(r.cpumaps[i] ?? [], a.maplen));
    return {
      info: info.map((v) => ({ number: v.number, state: v.state, cpu_time: v.cpuTime, cpu: v.cpu })),
      cpumaps: Buffer.concat(maps),
    };
  }),
  serve(P.domainSetMemoryFlags, (c, a) => c.domainSetMemoryFlags(a.dom, a.memory, a.flags)),
  serve(P.domainSetMemory, (c, a) => c.domainSetMemory(a.dom, a.memory)),
  serve(P.domainSetMaxMemory, (c, a) => c.domainSetMaxMemory(a.dom, a.memory)),
  serve(P.domainGetMaxMemory, async (c, a) => ({ memory: await c.domainGetMaxMemory(a.dom) })),
  serve(P.domainMemoryStats, async (c, a) => ({
    stats: (await c.domainMemoryStats(a.dom, a.maxStats, a.flags)).map((s) => ({ tag: s.tag, val: s.value })),
  })),
  serve(P.domainBlockStats, async (c, a) => {
    const s = await c.domainBlockStats(a.dom, a.path);
    return { rd_req: s.rdReq, rd_bytes: s.rdBytes, wr_req: s.wrReq, wr_bytes: s.wrBytes, errs: s.errs };
  }),
  serve(P.domainBlockStatsFlags, async (c, a) => {
    const params = await c.domainBlockStatsFlags(a.dom, a.path, a.flags);
    return { params: a.nparams ? params.slice(0, a.nparams) : [], nparams: params.length };
  }),
  serve(P.domainInterfaceStats, async (c, a) => {
    const s = await c.domainInterfaceStats(a.dom, a.device);
    return {
      rx_bytes: s.rxBytes,
      rx_packets: s.rxPackets,
      rx_errs: s.rxErrs,
      rx_drop: s.rxDrop,
      tx_bytes: s.txBytes,
      tx_packets: s.txPackets,
      tx_errs: s.txErrs,
      tx_drop: s.txDrop,
    };
  }),
  serve(P.domainGetBlockInfo, (c, a) => c.domainGetBlockInfo(a.dom, a.path, a.flags)),
  serve(P.connectGetAllDomainStats, async (c, a) => ({
    retStats: a.doms.length ? await c.domainListGetStats(a.doms, a.stats, a.flags) : await c.connectGetAllDomainStats(a.stats, a.flags),
  })),
];
