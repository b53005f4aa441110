import { NODE_STATS_ALL, type HostApi } from '../host.js';
import { READ_ONLY, arg, count, invalid, nonNull, positive, nonZero, nonNegative } from './checks.js';
import { row, type Table } from './table.js';

/** virNodeGet{CPU,Memory}Stats: the one negative index is "all". */
const onlyAllAsNegative = (name: string) =>
  invalid(
    (a) => Number(a[0]) < 0 && a[0] !== NODE_STATS_ALL,
    (fn) => `${name} in ${fn} only accepts ${NODE_STATS_ALL} as a negative value`,
  );

/** virConnect* and virNode*: the connection and the host. */
export const hostRows: Table<HostApi> = {
  close: row('virConnectClose'),
  setKeepAlive: row('virConnectSetKeepAlive'),
  getURI: row('virConnectGetURI'),
  getType: row('virConnectGetType'),
  getHostname: row('virConnectGetHostname'),
  getVersion: row('virConnectGetVersion'),
  getLibVersion: row('virConnectGetLibVersion'),
  getCapabilities: row('virConnectGetCapabilities'),
  getSysinfo: row('virConnectGetSysinfo'),
  getMaxVcpus: row('virConnectGetMaxVcpus'),
  getDomainCapabilities: row('virConnectGetDomainCapabilities', READ_ONLY),
  getCPUModelNames: row('virConnectGetCPUModelNames', nonNull('arch', arg(0))),
  compareCPU: row('virConnectCompareCPU', nonNull('xmlDesc', arg(0))),
  baselineCPU: row('virConnectBaselineCPU', nonNull('xmlCPUs', arg(0))),
  compareHypervisorCPU: row('virConnectCompareHypervisorCPU', nonNull('xmlCPU', arg(4)), READ_ONLY),
  baselineHypervisorCPU: row('virConnectBaselineHypervisorCPU', nonNull('xmlCPUs', arg(4)), READ_ONLY),
  nodeGetInfo: row('virNodeGetInfo'),
  nodeGetFreeMemory: row('virNodeGetFreeMemory'),
  nodeGetCellsFreeMemory: row(
    'virNodeGetCellsFreeMemory',
    positive('maxCells', arg(1)),
    nonNegative('startCell', arg(0)),
  ),
  nodeGetCPUStats: row('virNodeGetCPUStats', onlyAllAsNegative('cpuNum')),
  nodeGetMemoryStats: row('virNodeGetMemoryStats', onlyAllAsNegative('cellNum')),
  nodeGetCPUMap: row('virNodeGetCPUMap'),
  nodeGetFreePages: row(
    'virNodeGetFreePages',
    nonZero('npages', count(0)),
    nonNull('pages', arg(0)),
    nonZero('cellCount', arg(2)),
  ),
  nodeAllocPages: row(
    'virNodeAllocPages',
    READ_ONLY,
    nonZero('npages', count(0)),
    nonNull('pageSizes', arg(0)),
    nonNull('pageCounts', arg(1)),
    nonZero('cellCount', arg(3)),
  ),
  nodeSuspendForDuration: row('virNodeSuspendForDuration', READ_ONLY),
  nodeGetMemoryParameters: row('virNodeGetMemoryParameters'),
  nodeSetMemoryParameters: row('virNodeSetMemoryParameters', READ_ONLY, nonNull('params', arg(0))),
  nodeGetSEVInfo: row('virNodeGetSEVInfo', READ_ONLY),
};
