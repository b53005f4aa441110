/** virConnect* and virNode*: the connection itself and the host. */
export interface NodeInfo {
  model: string;
  /** KiB */
  memory: number;
  cpus: number;
  /** MHz */
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

/** One virNodeCPUStats / virNodeMemoryStats entry: field name and value. */
export interface NodeStat {
  field: string;
  value: bigint;
}

/** virNodeGetCPUMap's result. */
export interface NodeCpuMap {
  /** Number of CPUs present (length of `online`). */
  cpus: number;
  /** One entry per CPU: true when online. */
  online: boolean[];
}

/** A typed parameter (virTypedParameter), as the remote protocol carries it. */
export interface TypedParam {
  field: string;
  type: 'int' | 'uint' | 'llong' | 'ullong' | 'double' | 'boolean' | 'string';
  value: number | bigint | boolean | string;
}

/** VIR_NODE_CPU_STATS_ALL_CPUS / VIR_NODE_MEMORY_STATS_ALL_CELLS */
export const NODE_STATS_ALL = -1;

export interface HostApi {
  close(): Promise<void>;
  /** virConnectSetKeepAlive: ping the peer every `interval` seconds, give up after `count`
   * unanswered pings (interval <= 0 disables). Only connections to a daemon can. */
  setKeepAlive(interval: number, count: number): Promise<void>;
  getURI(): Promise<string>;
  getType(): Promise<string>;
  getHostname(): Promise<string>;
  /** Hypervisor version encoded as major*1e6 + minor*1e3 + micro. */
  getVersion(): Promise<number>;
  getLibVersion(): Promise<number>;
  getCapabilities(): Promise<string>;
  getSysinfo(flags: number): Promise<string>;
  getMaxVcpus(type: string | undefined): Promise<number>;
  getDomainCapabilities(
    emulatorbin: string | undefined,
    arch: string | undefined,
    machine: string | undefined,
    virttype: string | undefined,
    flags: number,
  ): Promise<string>;
  getCPUModelNames(arch: string, flags: number): Promise<string[]>;
  compareCPU(xml: string, flags: number): Promise<number>;
  baselineCPU(xmlCPUs: string[], flags: number): Promise<string>;
  compareHypervisorCPU(
    emulator: string | undefined,
    arch: string | undefined,
    machine: string | undefined,
    virttype: string | undefined,
    xml: string,
    flags: number,
  ): Promise<number>;
  baselineHypervisorCPU(
    emulator: string | undefined,
    arch: string | undefined,
    machine: string | undefined,
    virttype: string | undefined,
    xmlCPUs: string[],
    flags: number,
  ): Promise<string>;
  nodeGetInfo(): Promise<NodeInfo>;
  /** Bytes; 0 is libvirt's error value. */
  nodeGetFreeMemory(): Promise<bigint>;
  /** Free memory (bytes) of up to maxCells cells from startCell. */
  nodeGetCellsFreeMemory(startCell: number, maxCells: number): Promise<bigint[]>;
  nodeGetCPUStats(cpuNum: number, flags: number): Promise<NodeStat[]>;
  nodeGetMemoryStats(cellNum: number, flags: number): Promise<NodeStat[]>;
  nodeGetCPUMap(flags: number): Promise<NodeCpuMap>;
  /** Free page counts, cell-major: counts[cell * pages.length + page]. */
  nodeGetFreePages(pages: number[], startCell: number, cellCount: number, flags: number): Promise<bigint[]>;
  nodeAllocPages(
    pageSizes: number[],
    pageCounts: bigint[],
    startCell: number,
    cellCount: number,
    flags: number,
  ): Promise<number>;
  nodeSuspendForDuration(target: number, duration: bigint, flags: number): Promise<void>;
  nodeGetMemoryParameters(flags: number): Promise<TypedParam[]>;
  nodeSetMemoryParameters(params: TypedParam[], flags: number): Promise<void>;
  nodeGetSEVInfo(flags: number): Promise<TypedParam[]>;
}
