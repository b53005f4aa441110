import { hostname } from 'node:os';
import { type HostApi, type NodeInfo, type NodeStat } from '../../api/host.js';
import { invalidArg, unsupported, virErr } from '../../errors.js';
import { formatCapabilities } from '../../xml/capabilities/index.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';
import { isKnownArch } from '../../arch.js';
import { buildCapabilities, defaultCells, type TestCell } from './host/caps.js';
import { cpuDriverFor } from '../../cpu/models.js';
import { testBaselineCPU } from './host/baseline.js';
import { DEFAULT_NODE_INFO, parseNodeInfo } from './host/node-info.js';
import { checkFlags } from '../check-flags.js';

export interface HostState {
  info: NodeInfo;
  /** NUMA cells: two on the built-in node; none on a node read from a file. */
  cells: TestCell[];
  /** The capabilities document, fixed when the node is opened. */
  capsXml: string;
}

export function loadHost(root: XNode, ctx: LoadContext): HostState {
  const cells = ctx.isDefault ? defaultCells() : [];
  return {
    info: parseNodeInfo(root, DEFAULT_NODE_INFO),
    cells,
    capsXml: formatCapabilities(buildCapabilities(cells)),
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


export function hostOps(node: TestNode): HostApi {
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
    getCapabilities: async () => host.capsXml,
    getSysinfo: async (flags) => {
      checkFlags(flags, 0, 'testConnectGetSysinfo');
      return SYSINFO;
    },
    getMaxVcpus: async () => 32,
    getDomainCapabilities: async () => {
      throw unsupported('virConnectGetDomainCapabilities');
    },
    getCPUModelNames: async (arch, flags) => {
      checkFlags(flags, 0, 'testConnectGetCPUModelNames');
      if (!isKnownArch(arch)) throw virErr('INVALID_ARG', `cannot find architecture ${arch}`);
      const driver = cpuDriverFor(arch);
      if (!driver) throw virErr('NO_SUPPORT', `'${arch}' architecture is not supported by CPU driver`);
      return [...(driver.models ?? [])];
    },
    compareCPU: async () => {
      throw unsupported('virConnectCompareCPU');
    },
    baselineCPU: async (xmlCPUs, flags) => testBaselineCPU(xmlCPUs, flags),
    compareHypervisorCPU: async () => {
      throw unsupported('virConnectCompareHypervisorCPU');
    },
    baselineHypervisorCPU: async () => {
      throw unsupported('virConnectBaselineHypervisorCPU');
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
