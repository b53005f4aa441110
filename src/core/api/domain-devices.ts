import type { DomainHandle } from './handles.js';

/** virTypedParameterType */
export const ParamType = { INT: 1, UINT: 2, LLONG: 3, ULLONG: 4, DOUBLE: 5, BOOLEAN: 6, STRING: 7 } as const;

/** virTypedParameter: one named, typed value of a parameter list (tunables, statistics). */
export interface TypedParam {
  field: string;
  type: number;
  value: number | bigint | boolean | string;
}

/** virDomainDeviceModifyFlags (the AFFECT_* bits plus FORCE for update-device). */
export const DeviceModify = { CURRENT: 0, LIVE: 1, CONFIG: 2, FORCE: 4 } as const;
/** virDomainVcpuFlags */
export const VcpuFlags = { CURRENT: 0, LIVE: 1, CONFIG: 2, MAXIMUM: 4, GUEST: 8, HOTPLUGGABLE: 16 } as const;
/** virDomainMemoryModFlags */
export const MemFlags = { CURRENT: 0, LIVE: 1, CONFIG: 2, MAXIMUM: 4 } as const;
/** VIR_TYPED_PARAM_STRING_OKAY: the caller understands string-typed parameters. */
export const TYPED_PARAM_STRING_OKAY = 1 << 2;
/** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED (KiB) */
export const MEMORY_PARAM_UNLIMITED = 9007199254740991n;

/** virDomainStatsTypes */
export const StatsTypes = {
  STATE: 1 << 0,
  CPU_TOTAL: 1 << 1,
  BALLOON: 1 << 2,
  VCPU: 1 << 3,
  INTERFACE: 1 << 4,
  BLOCK: 1 << 5,
  PERF: 1 << 6,
  IOTHREAD: 1 << 7,
  MEMORY: 1 << 8,
  DIRTYRATE: 1 << 9,
  VM: 1 << 10,
} as const;

/** virConnectGetAllDomainStatsFlags */
export const GetAllStats = {
  ACTIVE: 1 << 0,
  INACTIVE: 1 << 1,
  PERSISTENT: 1 << 2,
  TRANSIENT: 1 << 3,
  RUNNING: 1 << 4,
  PAUSED: 1 << 5,
  SHUTOFF: 1 << 6,
  OTHER: 1 << 7,
  NOWAIT: 1 << 29,
  BACKING: 1 << 30,
  ENFORCE_STATS: 2 ** 31,
} as const;

export interface DomainStatsRecord {
  dom: DomainHandle;
  params: TypedParam[];
}

/** virDomainBlockStatsStruct (-1 = not available) */
export interface BlockStats {
  rdReq: bigint;
  rdBytes: bigint;
  wrReq: bigint;
  wrBytes: bigint;
  errs: bigint;
}

/** virDomainInterfaceStatsStruct (-1 = not available) */
export interface InterfaceStats {
  rxBytes: bigint;
  rxPackets: bigint;
  rxErrs: bigint;
  rxDrop: bigint;
  txBytes: bigint;
  txPackets: bigint;
  txErrs: bigint;
  txDrop: bigint;
}

/** virDomainBlockInfo */
export interface BlockInfo {
  capacity: bigint;
  allocation: bigint;
  physical: bigint;
}

/** virDomainDiskError */
export interface DiskError {
  disk: string;
  /** virDomainDiskErrorCode */
  error: number;
}

/** virVcpuInfo */
export interface VcpuInfo {
  number: number;
  /** virVcpuState */
  state: number;
  /** nanoseconds */
  cpuTime: bigint;
  cpu: number;
}

/** virDomainGetVcpus: per-vCPU info and each vCPU's host CPU affinity (one bool per host CPU). */
export interface VcpusResult {
  info: VcpuInfo[];
  cpumaps: boolean[][];
}

/** virDomainIOThreadInfo */
export interface IOThreadInfo {
  iothreadId: number;
  cpumap: boolean[];
}

/** virDomainMemoryStatStruct */
export interface MemoryStat {
  /** virDomainMemoryStatTags */
  tag: number;
  value: bigint;
}

/** virDomainInterface (virDomainInterfaceAddresses) */
export interface DomainInterface {
  name: string;
  hwaddr: string | null;
  addrs: { type: number; addr: string; prefix: number }[];
}

/** virDomainFSInfo */
export interface FSInfo {
  mountpoint: string;
  name: string;
  fstype: string;
  devAlias: string[];
}

/**
 * virDomain* calls on devices, resources and statistics: attach/detach, block and interface
 * stats, memory and vCPU tuning, guest-agent style queries. Each maps onto one libvirt API.
 * Cpu maps are arrays of booleans, one per host CPU (libvirt's bitmaps, unpacked).
 */
export interface DomainDeviceApi {
  domainAttachDevice(dom: DomainHandle, xml: string): Promise<void>;
  domainAttachDeviceFlags(dom: DomainHandle, xml: string, flags: number): Promise<void>;
  domainDetachDevice(dom: DomainHandle, xml: string): Promise<void>;
  domainDetachDeviceFlags(dom: DomainHandle, xml: string, flags: number): Promise<void>;
  domainDetachDeviceAlias(dom: DomainHandle, alias: string, flags: number): Promise<void>;
  domainUpdateDeviceFlags(dom: DomainHandle, xml: string, flags: number): Promise<void>;

  domainBlockStats(dom: DomainHandle, disk: string): Promise<BlockStats>;
  domainBlockStatsFlags(dom: DomainHandle, disk: string, flags: number): Promise<TypedParam[]>;
  domainInterfaceStats(dom: DomainHandle, device: string): Promise<InterfaceStats>;
  domainGetBlockInfo(dom: DomainHandle, disk: string, flags: number): Promise<BlockInfo>;
  domainGetDiskErrors(dom: DomainHandle, flags: number): Promise<DiskError[]>;
  domainMemoryStats(dom: DomainHandle, nrStats: number, flags: number): Promise<MemoryStat[]>;
  domainSetMemoryStatsPeriod(dom: DomainHandle, period: number, flags: number): Promise<void>;
  domainInterfaceAddresses(dom: DomainHandle, source: number, flags: number): Promise<DomainInterface[]>;
  domainGetCPUStats(dom: DomainHandle, startCpu: number, ncpus: number, flags: number): Promise<TypedParam[][]>;
  connectGetAllDomainStats(stats: number, flags: number): Promise<DomainStatsRecord[]>;
  domainListGetStats(doms: DomainHandle[], stats: number, flags: number): Promise<DomainStatsRecord[]>;

  domainGetVcpusFlags(dom: DomainHandle, flags: number): Promise<number>;
  domainSetVcpusFlags(dom: DomainHandle, nvcpus: number, flags: number): Promise<void>;
  /** virDomainSetVcpus: the flag-less call (virsh makes it when given no --live/--config/--current). */
  domainSetVcpus(dom: DomainHandle, nvcpus: number): Promise<void>;
  domainGetMaxVcpus(dom: DomainHandle): Promise<number>;
  domainGetVcpus(dom: DomainHandle, maxinfo: number): Promise<VcpusResult>;
  domainGetVcpuPinInfo(dom: DomainHandle, ncpumaps: number, flags: number): Promise<boolean[][]>;
  domainPinVcpuFlags(dom: DomainHandle, vcpu: number, cpumap: boolean[], flags: number): Promise<void>;
  /** virDomainPinVcpu: the flag-less call. */
  domainPinVcpu(dom: DomainHandle, vcpu: number, cpumap: boolean[]): Promise<void>;
  domainGetEmulatorPinInfo(dom: DomainHandle, flags: number): Promise<boolean[]>;
  domainPinEmulator(dom: DomainHandle, cpumap: boolean[], flags: number): Promise<void>;
  domainSetVcpu(dom: DomainHandle, vcpumap: string, state: number, flags: number): Promise<void>;
  domainGetGuestVcpus(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetGuestVcpus(dom: DomainHandle, cpumap: string, state: number, flags: number): Promise<void>;

  domainSetMemoryFlags(dom: DomainHandle, memory: bigint, flags: number): Promise<void>;
  domainSetMemory(dom: DomainHandle, memory: bigint): Promise<void>;
  domainSetMaxMemory(dom: DomainHandle, memory: bigint): Promise<void>;
  domainGetMaxMemory(dom: DomainHandle): Promise<bigint>;

  domainGetMemoryParameters(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetMemoryParameters(dom: DomainHandle, params: TypedParam[], flags: number): Promise<void>;
  domainGetBlkioParameters(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetBlkioParameters(dom: DomainHandle, params: TypedParam[], flags: number): Promise<void>;
  domainGetNumaParameters(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetNumaParameters(dom: DomainHandle, params: TypedParam[], flags: number): Promise<void>;
  domainGetInterfaceParameters(dom: DomainHandle, device: string, flags: number): Promise<TypedParam[]>;
  domainSetInterfaceParameters(dom: DomainHandle, device: string, params: TypedParam[], flags: number): Promise<void>;
  domainGetBlockIoTune(dom: DomainHandle, disk: string, flags: number): Promise<TypedParam[]>;
  domainSetBlockIoTune(dom: DomainHandle, disk: string, params: TypedParam[], flags: number): Promise<void>;
  domainGetSchedulerType(dom: DomainHandle): Promise<{ type: string; nparams: number }>;
  /** virDomainGetSchedulerParameters (no flags; the public API adds none) */
  domainGetSchedulerParameters(dom: DomainHandle): Promise<TypedParam[]>;
  domainGetSchedulerParametersFlags(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetSchedulerParameters(dom: DomainHandle, params: TypedParam[]): Promise<void>;
  domainSetSchedulerParametersFlags(dom: DomainHandle, params: TypedParam[], flags: number): Promise<void>;
  domainGetPerfEvents(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetPerfEvents(dom: DomainHandle, params: TypedParam[], flags: number): Promise<void>;
  domainGetLaunchSecurityInfo(dom: DomainHandle, flags: number): Promise<TypedParam[]>;
  domainSetLaunchSecurityState(dom: DomainHandle, params: TypedParam[], flags: number): Promise<void>;

  domainGetIOThreadInfo(dom: DomainHandle, flags: number): Promise<IOThreadInfo[]>;
  domainAddIOThread(dom: DomainHandle, iothreadId: number, flags: number): Promise<void>;
  domainDelIOThread(dom: DomainHandle, iothreadId: number, flags: number): Promise<void>;
  domainPinIOThread(dom: DomainHandle, iothreadId: number, cpumap: boolean[], flags: number): Promise<void>;
  domainSetIOThreadParams(dom: DomainHandle, iothreadId: number, params: TypedParam[], flags: number): Promise<void>;

  domainGetFSInfo(dom: DomainHandle, flags: number): Promise<FSInfo[]>;
  domainFSFreeze(dom: DomainHandle, mountpoints: string[], flags: number): Promise<number>;
  domainFSThaw(dom: DomainHandle, mountpoints: string[], flags: number): Promise<number>;
  domainFSTrim(dom: DomainHandle, mountPoint: string | null, minimum: bigint, flags: number): Promise<void>;
  domainGetGuestInfo(dom: DomainHandle, types: number, flags: number): Promise<TypedParam[]>;
  domainSetUserPassword(dom: DomainHandle, user: string, password: string, flags: number): Promise<void>;
  domainAuthorizedSSHKeysGet(dom: DomainHandle, user: string, flags: number): Promise<string[]>;
  domainAuthorizedSSHKeysSet(dom: DomainHandle, user: string, keys: string[], flags: number): Promise<void>;
  domainAgentSetResponseTimeout(dom: DomainHandle, timeout: number, flags: number): Promise<void>;

  domainBlockCommit(dom: DomainHandle, disk: string, base: string | null, top: string | null, bandwidth: bigint, flags: number): Promise<void>;
  domainBlockCopy(dom: DomainHandle, disk: string, destxml: string, params: TypedParam[], flags: number): Promise<void>;
  domainBlockRebase(dom: DomainHandle, disk: string, base: string | null, bandwidth: bigint, flags: number): Promise<void>;
  domainBlockPull(dom: DomainHandle, disk: string, bandwidth: bigint, flags: number): Promise<void>;
  domainGetBlockJobInfo(dom: DomainHandle, disk: string, flags: number): Promise<{ type: number; bandwidth: bigint; cur: bigint; end: bigint } | null>;
  domainBlockJobAbort(dom: DomainHandle, disk: string, flags: number): Promise<void>;
  domainBlockJobSetSpeed(dom: DomainHandle, disk: string, bandwidth: bigint, flags: number): Promise<void>;
  domainBlockResize(dom: DomainHandle, disk: string, size: bigint, flags: number): Promise<void>;
  domainSetBlockThreshold(dom: DomainHandle, dev: string, threshold: bigint, flags: number): Promise<void>;
  domainStartDirtyRateCalc(dom: DomainHandle, seconds: number, flags: number): Promise<void>;

  domainOpenConsole(dom: DomainHandle, devName: string | null, flags: number): Promise<void>;
  domainQemuMonitorCommand(dom: DomainHandle, cmd: string, flags: number): Promise<string>;
  domainQemuAgentCommand(dom: DomainHandle, cmd: string, timeout: number, flags: number): Promise<string>;
  domainQemuAttach(pid: number, flags: number): Promise<DomainHandle>;
  domainLxcOpenNamespace(dom: DomainHandle, flags: number): Promise<number[]>;
  /** virConnectDomainQemuMonitorEventRegister; resolves to the callback id. */
  connectDomainQemuMonitorEventRegister(dom: DomainHandle | null, event: string | null, flags: number): Promise<number>;
}
