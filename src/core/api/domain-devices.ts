import type { Connection } from './connection.js';
import type { DomainHandle } from './handles.js';
import type { VolStream } from './storage.js';

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

/** virDomainCoreDumpFlags */
export const DumpFlags = { CRASH: 1, LIVE: 2, BYPASS_CACHE: 4, RESET: 8, MEMORY_ONLY: 16 } as const;
/** virDomainCoreDumpFormat: RAW is what virsh calls 'elf'. */
export const CORE_DUMP_FORMATS = ['elf', 'kdump-zlib', 'kdump-lzo', 'kdump-snappy', 'win-dmp'] as const;

/** virDomainLifecycle, in enum order. */
export const LIFECYCLE_TYPES = ['poweroff', 'reboot', 'crash'] as const;
/** virDomainLifecycleAction, in enum order (the names the domain XML uses). */
export const LIFECYCLE_ACTIONS = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart'] as const;

/** virDomainProcessSignal: the count of signals the API knows (VIR_DOMAIN_PROCESS_SIGNAL_LAST). */
export const PROCESS_SIGNAL_LAST = 65;

/** virDomainMigrateFlags */
export const MigrateFlags = {
  LIVE: 1 << 0,
  PEER2PEER: 1 << 1,
  TUNNELLED: 1 << 2,
  PERSIST_DEST: 1 << 3,
  UNDEFINE_SOURCE: 1 << 4,
  PAUSED: 1 << 5,
  NON_SHARED_DISK: 1 << 6,
  NON_SHARED_INC: 1 << 7,
  CHANGE_PROTECTION: 1 << 8,
  UNSAFE: 1 << 9,
  OFFLINE: 1 << 10,
  COMPRESSED: 1 << 11,
  ABORT_ON_ERROR: 1 << 12,
  AUTO_CONVERGE: 1 << 13,
  RDMA_PIN_ALL: 1 << 14,
  POSTCOPY: 1 << 15,
  TLS: 1 << 16,
  PARALLEL: 1 << 17,
  NON_SHARED_SYNCHRONOUS_WRITES: 1 << 18,
  POSTCOPY_RESUME: 1 << 19,
  ZEROCOPY: 1 << 20,
} as const;

/** VIR_MIGRATE_PARAM_* typed-parameter names. */
export const MigrateParam = {
  URI: 'migrate_uri',
  DEST_NAME: 'destination_name',
  DEST_XML: 'destination_xml',
  PERSIST_XML: 'persistent_xml',
  BANDWIDTH: 'bandwidth',
  BANDWIDTH_POSTCOPY: 'bandwidth.postcopy',
  GRAPHICS_URI: 'graphics_uri',
  LISTEN_ADDRESS: 'listen_address',
  MIGRATE_DISKS: 'migrate_disks',
  DISKS_PORT: 'disks_port',
  DISKS_URI: 'disks_uri',
  COMPRESSION: 'compression',
  COMPRESSION_MT_LEVEL: 'compression.mt.level',
  COMPRESSION_MT_THREADS: 'compression.mt.threads',
  COMPRESSION_MT_DTHREADS: 'compression.mt.dthreads',
  COMPRESSION_XBZRLE_CACHE: 'compression.xbzrle.cache',
  AUTO_CONVERGE_INITIAL: 'auto_converge.initial',
  AUTO_CONVERGE_INCREMENT: 'auto_converge.increment',
  PARALLEL_CONNECTIONS: 'parallel.connections',
  TLS_DESTINATION: 'tls.destination',
} as const;

/** VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY */
export const MIGRATE_MAX_SPEED_POSTCOPY = 1;
/** virDomainFDAssociateFlags */
export const FDAssociate = { SECLABEL_RESTORE: 1, SECLABEL_WRITABLE: 2 } as const;

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

/** virConnectDomainQemuMonitorEventCallback's arguments: QEMU's event, its time, its data as JSON. */
export interface QemuMonitorEvent {
  dom: DomainHandle;
  event: string;
  seconds: number;
  micros: number;
  details: string | null;
}

/** virConnectDomainQemuMonitorEventRegisterFlags */
export const QemuMonitorEventFlags = { REGEX: 1, NOCASE: 2 } as const;

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

  /** virDomainOpenConsole: the stream carries the console's bytes both ways until finished. */
  domainOpenConsole(dom: DomainHandle, devName: string | null, flags: number): Promise<VolStream>;
  domainQemuMonitorCommand(dom: DomainHandle, cmd: string, flags: number): Promise<string>;
  /** virDomainQemuMonitorCommandWithFiles: the descriptors go along with the command. */
  domainQemuMonitorCommandWithFiles(dom: DomainHandle, cmd: string, fds: number[], flags: number): Promise<string>;
  domainQemuAgentCommand(dom: DomainHandle, cmd: string, timeout: number, flags: number): Promise<string>;
  domainQemuAttach(pid: number, flags: number): Promise<DomainHandle>;
  domainLxcOpenNamespace(dom: DomainHandle, flags: number): Promise<number[]>;
  /** virConnectDomainQemuMonitorEventRegister; resolves to the callback id. */
  connectDomainQemuMonitorEventRegister(dom: DomainHandle | null, event: string | null, flags: number, cb?: (e: QemuMonitorEvent) => void): Promise<number>;
  connectDomainQemuMonitorEventDeregister(callbackId: number): Promise<void>;

  domainCoreDump(dom: DomainHandle, to: string, flags: number): Promise<void>;
  domainSendProcessSignal(dom: DomainHandle, pid: bigint, signum: number, flags: number): Promise<void>;
  /** type and action are virDomainLifecycle / virDomainLifecycleAction values. */
  domainSetLifecycleAction(dom: DomainHandle, type: number, action: number, flags: number): Promise<void>;
  /** fds are the caller's descriptor numbers, passed along with the call. */
  domainFDAssociate(dom: DomainHandle, name: string, fds: number[], flags: number): Promise<void>;

  /** Managed migration: the client drives both ends; resolves to the domain on dconn. */
  domainMigrate3(dom: DomainHandle, dconn: Connection, params: TypedParam[], flags: number): Promise<DomainHandle>;
  /** Peer-to-peer or direct migration, driven by the source (dconnuri only with PEER2PEER). */
  domainMigrateToURI3(dom: DomainHandle, dconnuri: string | null, params: TypedParam[], flags: number): Promise<void>;
  domainMigrateSetMaxDowntime(dom: DomainHandle, downtime: bigint, flags: number): Promise<void>;
  domainMigrateGetMaxDowntime(dom: DomainHandle, flags: number): Promise<bigint>;
  domainMigrateSetCompressionCache(dom: DomainHandle, cacheSize: bigint, flags: number): Promise<void>;
  domainMigrateGetCompressionCache(dom: DomainHandle, flags: number): Promise<bigint>;
  domainMigrateSetMaxSpeed(dom: DomainHandle, bandwidth: bigint, flags: number): Promise<void>;
  domainMigrateGetMaxSpeed(dom: DomainHandle, flags: number): Promise<bigint>;
  domainMigrateStartPostCopy(dom: DomainHandle, flags: number): Promise<void>;
}
