import { hostname } from 'node:os';
import { type HostApi, type NodeInfo, type NodeStat } from '../../api/host.js';
import type { HostCpuCalls } from './host/cpu-calls.js';
import { unsupported, virErr } from '../../errors.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';
import { defaultCells, type TestCell } from './host/caps.js';
import { DEFAULT_NODE_INFO, parseNodeInfo } from './host/node-info.js';
import { checkFlags } from '../check-flags.js';

export interface HostState {
  info: NodeInfo;
  /** NUMA cells: two on the built-in node; none on a node read from a file. */
  cells: TestCell[];
}

export type HostCoreApi = Omit<HostApi, HostCpuCalls>;

export function loadHost(root: XNode, ctx: LoadContext): HostState {
  const cells = ctx.isDefault ? defaultCells() : [];
  return {
    info: parseNodeInfo(root, DEFAULT_NODE_INFO),
    cells,
  };
}

/** libvirt's LIBVIR_VERSION_NUMBER for 9.0.0. */
const LIB_VERSION = 9_000_000;

/** testConnectGetSysinfo's fixed SMBIOS document. */
const SYSINFO = `<sysinfo type='smbios'>
  <bios>
    <entry name='vendor'>LENOVO</entry>
    <entry name='version'>G4ETA1WW (2.61 )</entry>
    <entry name='date'>05/07/2014</entry>
    <entry name='release'>2.61</entry>
  </bios>
</sysinfo>
`;

/** testNodeGetCPUStats' fixed counters (nanoseconds), whatever the CPU. */
const CPU_STATS: readonly NodeStat[] = [
  { field: 'user', value: 9797400000n },
  { field: 'kernel', value: 34678723400000n },
  { field: 'idle', value: 87264900000n },
  { field: 'iowait', value: 763600000n },
];

/** testNodeGetCPUMap: 8 CPUs, map 0x15 (CPUs 0, 2 and 4 online). */
const CPU_MAP_BITS = 0x15;
const CPU_MAP_COUNT = 8;


/** The host's calls but those about CPUs and capabilities (host/cpu-ops.ts). */
export function hostOps(node: TestNode): HostCoreApi {
  const host = node.host;
  return {
    close: async () => {},
    /** testConnectSetKeepAlive does not exist: only remote connections keep alive. */
    setKeepAlive: async () => {
      throw unsupported('virConnectSetKeepAlive');
    },
    getURI: async () => node.uri,
    getType: async () => 'TEST',
    getHostname: async () => hostname(),
    getVersion: async () => 2,
    getLibVersion: async () => LIB_VERSION,
    getSysinfo: async (flags) => {
      checkFlags(flags, 0, 'testConnectGetSysinfo');
      return SYSINFO;
    },
    getMaxVcpus: async () => 32,
    getDomainCapabilities: async () => {
      throw unsupported('virConnectGetDomainCapabilities');
    },
    nodeGetInfo: async () => ({ ...host.info }),
    nodeGetFreeMemory: async () => host.cells.reduce((sum, c) => sum + BigInt(c.freeMem), 0n),
    nodeGetCellsFreeMemory: async (startCell, maxCells) => {
      if (startCell >= host.cells.length) throw virErr('INVALID_ARG', 'Range exceeds available cells');
      return host.cells.slice(startCell, startCell + maxCells).map((c) => BigInt(c.mem));
    },
    nodeGetCPUStats: async (_cpuNum, flags) => {
      checkFlags(flags, 0, 'testNodeGetCPUStats');
      return CPU_STATS.map((s) => ({ ...s }));
    },
    nodeGetMemoryStats: async () => {
      throw unsupported('virNodeGetMemoryStats');
    },
    nodeGetCPUMap: async (flags) => {
      checkFlags(flags, 0, 'testNodeGetCPUMap');
      return {
        cpus: CPU_MAP_COUNT,
        online: Array.from({ length: CPU_MAP_COUNT }, (_, i) => (CPU_MAP_BITS & (1 << i)) !== 0),
      };
    },
    nodeGetFreePages: async (pages, _startCell, cellCount, flags) => {
      checkFlags(flags, 0, 'testNodeGetFreePages');
      // The test driver invents counts from a fixed sequence, ignoring sizes and cells.
      const counts: bigint[] = [];
      let x = 6n;
      for (let i = 0; i < cellCount * pages.length; i++) counts.push((x = x * 2n + 7n));
      return counts;
    },
    nodeAllocPages: async () => {
      throw unsupported('virNodeAllocPages');
    },
    nodeSuspendForDuration: async () => {
      throw unsupported('virNodeSuspendForDuration');
    },
    nodeGetMemoryParameters: async () => {
      throw unsupported('virNodeGetMemoryParameters');
    },
    nodeSetMemoryParameters: async () => {
      throw unsupported('virNodeSetMemoryParameters');
    },
    nodeGetSEVInfo: async () => {
      throw unsupported('virNodeGetSEVInfo');
    },
  };
}
