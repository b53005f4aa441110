import type { DomainHandle } from '../../../api/handles.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import { stringsOkay, unpackBits, type Ops } from './util.js';

/** REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX: room for every parameter a driver has. */
const SCHED_PARAMS_MAX = 16;

/** Scheduler, memory and blkio tuning, pinning and per-device queries, backups over RPC. */
export function tuningOps(s: Session): Ops {
  /** Host CPUs, which size every cpumap (VIR_CPU_MAPLEN of the node's CPU count). */
  const hostCpus = async () => (await s.call(P.nodeGetCPUMap, { need_map: 0, need_online: 0, flags: 0 })).ret;
  // The two-step typed-list calls: nparams=0 asks for the count, then that many values.
  const twoStep = async (proc: typeof P.domainGetMemoryParameters, dom: DomainHandle, given: number) => {
    const flags = await stringsOkay(s, given);
    const { nparams } = await s.call(proc, { dom, nparams: 0, flags });
    return nparams ? (await s.call(proc, { dom, nparams, flags })).params : [];
  };
  return {
    domainGetSchedulerParameters: async (dom) => (await s.call(P.domainGetSchedulerParameters, { dom, nparams: SCHED_PARAMS_MAX })).params,
    domainGetSchedulerParametersFlags: async (dom, flags) =>
      (await s.call(P.domainGetSchedulerParametersFlags, { dom, nparams: SCHED_PARAMS_MAX, flags: await stringsOkay(s, flags) })).params,
    domainSetSchedulerParameters: (dom, params) => s.call(P.domainSetSchedulerParameters, { dom, params }),
    domainSetSchedulerParametersFlags: (dom, params, flags) => s.call(P.domainSetSchedulerParametersFlags, { dom, params, flags }),
    domainGetMemoryParameters: (dom, flags) => twoStep(P.domainGetMemoryParameters, dom, flags),
    domainGetBlkioParameters: (dom, flags) => twoStep(P.domainGetBlkioParameters, dom, flags),
    domainGetVcpuPinInfo: async (dom, ncpumaps, flags) => {
      const cpus = await hostCpus();
      const maplen = Math.ceil(cpus / 8);
      const r = await s.call(P.domainGetVcpuPinInfo, { dom, ncpumaps, maplen, flags });
      return Array.from({ length: r.num }, (_, i) => unpackBits(r.cpumaps.subarray(i * maplen, (i + 1) * maplen), cpus));
    },
    domainGetEmulatorPinInfo: async (dom, flags) => {
      const cpus = await hostCpus();
      const r = await s.call(P.domainGetEmulatorPinInfo, { dom, maplen: Math.ceil(cpus / 8), flags });
      return unpackBits(r.cpumaps, cpus);
    },
    domainGetDiskErrors: async (dom, flags) => {
      const { nerrors } = await s.call(P.domainGetDiskErrors, { dom, maxerrors: 0, flags });
      return nerrors ? (await s.call(P.domainGetDiskErrors, { dom, maxerrors: nerrors, flags })).errors : [];
    },
    domainGetIOThreadInfo: async (dom, flags) =>
      (await s.call(P.domainGetIOThreadInfo, { dom, flags })).info.map((t) => ({
        iothreadId: t.iothread_id,
        cpumap: unpackBits(t.cpumap, t.cpumap.length * 8),
      })),
    domainInterfaceAddresses: async (dom, source, flags) =>
      (await s.call(P.domainInterfaceAddresses, { dom, source, flags })).ifaces.map((i) => ({ ...i, hwaddr: i.hwaddr ?? null })),
    domainBackupBegin: (dom, backup_xml, checkpoint_xml, flags) => s.call(P.domainBackupBegin, { dom, backup_xml, checkpoint_xml, flags }),
    domainBackupGetXMLDesc: async (dom, flags) => (await s.call(P.domainBackupGetXMLDesc, { dom, flags })).xml,
  };
}
