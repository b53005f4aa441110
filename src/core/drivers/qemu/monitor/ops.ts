// The monitoring calls of the QEMU driver: statistics, vCPU and pinning queries, control
// and job state, and the monitor passthrough.
import type { Connection } from '../../../api/connection.js';
import { checkFlags } from '../../check-flags.js';
import { virErr, type VirError } from '../../../errors.js';
import { DomainState } from '../../../api/domain.js';
import type { QemuDomainObj } from '../domain/obj.js';
import type { QemuDriver } from '../driver.js';
import { blockInfo, blockStats, blockStatsFlags } from './block-ops.js';
import { getAllDomainStats } from './domstats.js';
import { memoryStats, setMemoryStatsPeriod } from './memory.js';
import { interfaceStats } from './net.js';
import { monitorCommand } from './passthrough.js';
import { qemuMonitorEventOps } from './qmp-events.js';
import { hostCpuCount, hostOnlineCpus } from './proc.js';
import { runningProc } from './active.js';
import { emulatorPinInfo, getVcpus, getVcpusFlags, vcpuPinInfo } from './vcpus.js';

type Ops = Pick<
  Connection,
  | 'domainBlockStats' | 'domainBlockStatsFlags' | 'domainGetBlockInfo' | 'domainInterfaceStats' | 'domainMemoryStats'
  | 'domainSetMemoryStatsPeriod' | 'connectGetAllDomainStats' | 'domainListGetStats' | 'domainGetVcpus' | 'domainGetVcpusFlags'
  | 'domainGetMaxVcpus' | 'domainGetVcpuPinInfo' | 'domainGetEmulatorPinInfo' | 'domainGetControlInfo' | 'domainGetJobInfo' | 'domainGetJobStats'
  | 'domainGetTime' | 'domainSetTime' | 'domainQemuMonitorCommand' | 'nodeGetCPUMap'
  | 'connectDomainQemuMonitorEventRegister' | 'connectDomainQemuMonitorEventDeregister'
>;

/** VIR_DOMAIN_TIME_SYNC */
const TIME_SYNC = 1;

/** virDomainObjCheckActive then qemuDomainAgentAvailable, for a guest without an agent channel. */
function noAgent(o: QemuDomainObj): VirError {
  runningProc(o);
  if (o.state !== DomainState.RUNNING) return virErr('OPERATION_INVALID', 'domain is not running');
  return virErr('ARGUMENT_UNSUPPORTED', 'QEMU guest agent is not configured');
}

/** VIR_DOMAIN_JOB_STATS_COMPLETED / _KEEP_COMPLETED */
const JOB_STATS_COMPLETED = 1;
const JOB_STATS_KEEP_COMPLETED = 2;

/** VIR_DOMAIN_VCPU_LIVE | VIR_DOMAIN_VCPU_MAXIMUM */
const LIVE_MAXIMUM = 1 | 4;

export function monitorOps(drv: QemuDriver): Ops {
  const obj = drv.domains.fromHandle.bind(drv.domains);
  return {
    ...qemuMonitorEventOps(drv),
    domainBlockStats: async (dom, disk) => blockStats(obj(dom), disk),
    domainBlockStatsFlags: async (dom, disk, flags) => blockStatsFlags(obj(dom), disk, flags),
    domainGetBlockInfo: async (dom, disk, flags) => blockInfo(obj(dom), disk, flags),
    domainInterfaceStats: async (dom, device) => {
      const o = obj(dom);
      runningProc(o);
      return interfaceStats(o.def, device);
    },
    domainMemoryStats: async (dom, nrStats, flags) => {
      checkFlags(flags, 0, 'qemuDomainMemoryStats');
      return memoryStats(obj(dom), nrStats);
    },
    domainSetMemoryStatsPeriod: async (dom, period, flags) => setMemoryStatsPeriod(drv, obj(dom), period, flags),
    connectGetAllDomainStats: async (stats, flags) => getAllDomainStats(drv, undefined, stats, flags),
    domainListGetStats: async (doms, stats, flags) => getAllDomainStats(drv, doms, stats, flags),
    domainGetVcpus: async (dom, maxinfo) => getVcpus(obj(dom), maxinfo),
    domainGetVcpusFlags: async (dom, flags) => getVcpusFlags(obj(dom), flags),
    domainGetMaxVcpus: async (dom) => getVcpusFlags(obj(dom), LIVE_MAXIMUM),
    domainGetVcpuPinInfo: async (dom, ncpumaps, flags) => vcpuPinInfo(obj(dom), ncpumaps, flags),
    domainGetEmulatorPinInfo: async (dom, flags) => emulatorPinInfo(obj(dom), flags),
    // No job ever outlives the call that started it here, and a broken monitor ends the guest:
    // a running guest's monitor is always free (VIR_DOMAIN_CONTROL_OK).
    domainGetControlInfo: async (dom, flags) => {
      checkFlags(flags, 0, 'qemuDomainGetControlInfo');
      runningProc(obj(dom));
      return { state: 0, details: 0, stateTime: 0 };
    },
    domainGetJobInfo: async (dom) => {
      runningProc(obj(dom));
      return { type: 0, timeElapsed: 0, timeRemaining: 0, dataTotal: 0, dataProcessed: 0, dataRemaining: 0, memTotal: 0, memProcessed: 0, memRemaining: 0, fileTotal: 0, fileProcessed: 0, fileRemaining: 0 };
    },
    // qemuDomainGetJobStats: no completed job is kept, and none is running (VIR_DOMAIN_JOB_NONE).
    domainGetJobStats: async (dom, flags) => {
      checkFlags(flags, JOB_STATS_COMPLETED | JOB_STATS_KEEP_COMPLETED, 'qemuDomainGetJobStats');
      const o = obj(dom);
      if (!(flags & JOB_STATS_COMPLETED)) runningProc(o);
      return { type: 0, params: [] };
    },
    // qemuDomainGetTime and qemuDomainSetTime ask the guest agent, which no guest here has.
    domainGetTime: async (dom, flags) => {
      checkFlags(flags, 0, 'qemuDomainGetTime');
      throw noAgent(obj(dom));
    },
    domainSetTime: async (dom, _seconds, _nseconds, flags) => {
      checkFlags(flags, TIME_SYNC, 'qemuDomainSetTime');
      throw noAgent(obj(dom));
    },
    domainQemuMonitorCommand: async (dom, cmd, flags) => monitorCommand(drv, obj(dom), cmd, flags),
    nodeGetCPUMap: async (flags) => {
      checkFlags(flags, 0, 'virHostCPUGetMap');
      const cpus = hostCpuCount();
      return { cpus, online: hostOnlineCpus(cpus) };
    },
  };
}
