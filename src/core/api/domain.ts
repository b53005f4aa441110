import type { DomainHandle } from './handles.js';
import type { TypedParam } from './domain-devices.js';

/** virDomainState */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;

/** The reasons this project's drivers set (virDomain*Reason), by state. */
export const RunningReason = { UNKNOWN: 0, BOOTED: 1, MIGRATED: 2, RESTORED: 3, FROM_SNAPSHOT: 4, UNPAUSED: 5, SAVE_CANCELED: 7, WAKEUP: 8 } as const;
export const PausedReason = { UNKNOWN: 0, USER: 1, MIGRATION: 2, SAVE: 3, DUMP: 4, IOERROR: 5, WATCHDOG: 6, FROM_SNAPSHOT: 7, SHUTTING_DOWN: 8, SNAPSHOT: 9, CRASHED: 10, STARTING_UP: 11 } as const;
export const ShutdownReason = { UNKNOWN: 0, USER: 1 } as const;
export const CrashedReason = { UNKNOWN: 0, PANICKED: 1 } as const;
export const ShutoffReason = { UNKNOWN: 0, SHUTDOWN: 1, DESTROYED: 2, CRASHED: 3, MIGRATED: 4, SAVED: 5, FAILED: 6, FROM_SNAPSHOT: 7, DAEMON: 8 } as const;
export const PMSuspendedReason = { UNKNOWN: 0 } as const;

/** virConnectListAllDomainsFlags */
export const ListDomains = {
  ACTIVE: 1 << 0,
  INACTIVE: 1 << 1,
  PERSISTENT: 1 << 2,
  TRANSIENT: 1 << 3,
  RUNNING: 1 << 4,
  PAUSED: 1 << 5,
  SHUTOFF: 1 << 6,
  OTHER: 1 << 7,
  MANAGEDSAVE: 1 << 8,
  NO_MANAGEDSAVE: 1 << 9,
  AUTOSTART: 1 << 10,
  NO_AUTOSTART: 1 << 11,
  HAS_SNAPSHOT: 1 << 12,
  NO_SNAPSHOT: 1 << 13,
  HAS_CHECKPOINT: 1 << 14,
  NO_CHECKPOINT: 1 << 15,
} as const;

/** virDomainXMLFlags */
export const DomainXML = { SECURE: 1, INACTIVE: 2, UPDATE_CPU: 4, MIGRATABLE: 8 } as const;
/** virDomainCreateFlags */
export const DomainStart = { PAUSED: 1, AUTODESTROY: 2, BYPASS_CACHE: 4, FORCE_BOOT: 8, VALIDATE: 16, RESET_NVRAM: 32 } as const;
/** virDomainDefineFlags */
export const DomainDefine = { VALIDATE: 1 } as const;
/** virDomainMessageType */
export const DomainMessages = { DEPRECATION: 1, TAINTING: 2 } as const;
/** virDomainAbortJobFlagsValues */
export const DomainAbortJob = { POSTCOPY: 1 } as const;
/** virDomainUndefineFlagsValues */
export const DomainUndefine = {
  MANAGED_SAVE: 1,
  SNAPSHOTS_METADATA: 2,
  NVRAM: 4,
  KEEP_NVRAM: 8,
  CHECKPOINTS_METADATA: 16,
  TPM: 32,
  KEEP_TPM: 64,
} as const;
/** virDomainSaveRestoreFlags */
export const DomainSave = { BYPASS_CACHE: 1, RUNNING: 2, PAUSED: 4, RESET_NVRAM: 8 } as const;
/** virDomainDestroyFlagsValues */
export const DomainDestroy = { GRACEFUL: 1, REMOVE_LOGS: 2 } as const;
/** virDomainShutdownFlagValues / virDomainRebootFlagValues (same bits). */
export const DomainShutdown = { ACPI_POWER_BTN: 1, GUEST_AGENT: 2, INITCTL: 4, SIGNAL: 8, PARAVIRT: 16 } as const;
/** virDomainModificationImpact */
export const DomainAffect = { CURRENT: 0, LIVE: 1, CONFIG: 2 } as const;
/** virDomainMetadataType */
export const DomainMetadata = { DESCRIPTION: 0, TITLE: 1, ELEMENT: 2 } as const;

export interface DomainInfo {
  state: number;
  /** KiB */
  maxMem: number;
  /** KiB */
  memory: number;
  nrVirtCpu: number;
  /** nanoseconds */
  cpuTime: number;
}

export interface DomainStateInfo {
  state: number;
  reason: number;
}

/** virDomainJobInfo */
export interface DomainJobInfo {
  type: number;
  timeElapsed: number;
  timeRemaining: number;
  dataTotal: number;
  dataProcessed: number;
  dataRemaining: number;
  memTotal: number;
  memProcessed: number;
  memRemaining: number;
  fileTotal: number;
  fileProcessed: number;
  fileRemaining: number;
}

/** virDomainControlInfo */
export interface DomainControlInfo {
  state: number;
  details: number;
  /** milliseconds */
  stateTime: number;
}

/** virDomain*: lookup, lifecycle, configuration. */
export interface DomainApi {
  domainLookupByName(name: string): Promise<DomainHandle>;
  domainLookupByID(id: number): Promise<DomainHandle>;
  domainLookupByUUID(uuid: string): Promise<DomainHandle>;
  /** virConnectListAllDomains with its VIR_CONNECT_LIST_DOMAINS_* flags. */
  listAllDomains(flags: number): Promise<DomainHandle[]>;
  domainDefineXML(xml: string, flags: number): Promise<DomainHandle>;
  domainCreateXML(xml: string, flags: number): Promise<DomainHandle>;
  /** virDomainCreateWithFlags; resolves to the handle with its new id. */
  domainCreate(dom: DomainHandle, flags: number): Promise<DomainHandle>;
  domainUndefine(dom: DomainHandle, flags: number): Promise<void>;
  domainDestroy(dom: DomainHandle, flags: number): Promise<void>;
  domainShutdown(dom: DomainHandle, flags: number): Promise<void>;
  domainReboot(dom: DomainHandle, flags: number): Promise<void>;
  domainReset(dom: DomainHandle, flags: number): Promise<void>;
  domainSuspend(dom: DomainHandle): Promise<void>;
  domainResume(dom: DomainHandle): Promise<void>;
  domainPMSuspendForDuration(dom: DomainHandle, target: number, duration: bigint, flags: number): Promise<void>;
  domainPMWakeup(dom: DomainHandle, flags: number): Promise<void>;

  domainGetInfo(dom: DomainHandle): Promise<DomainInfo>;
  domainGetState(dom: DomainHandle, flags: number): Promise<DomainStateInfo>;
  domainGetControlInfo(dom: DomainHandle, flags: number): Promise<DomainControlInfo>;
  domainGetXMLDesc(dom: DomainHandle, flags: number): Promise<string>;
  domainGetOSType(dom: DomainHandle): Promise<string>;
  domainGetSecurityLabel(dom: DomainHandle): Promise<{ label: string; enforcing: boolean }>;
  /** virDomainGetMessages (VIR_DOMAIN_MESSAGE_* flags). */
  domainGetMessages(dom: DomainHandle, flags: number): Promise<string[]>;
  /** virNodeGetSecurityModel: what dominfo reports next to the domain's label. */
  nodeGetSecurityModel(): Promise<{ model: string; doi: string }>;
  domainIsActive(dom: DomainHandle): Promise<boolean>;
  domainIsPersistent(dom: DomainHandle): Promise<boolean>;
  domainGetAutostart(dom: DomainHandle): Promise<boolean>;
  domainSetAutostart(dom: DomainHandle, autostart: boolean): Promise<void>;
  domainGetHostname(dom: DomainHandle, flags: number): Promise<string>;
  domainGetTime(dom: DomainHandle, flags: number): Promise<{ seconds: bigint; nseconds: number }>;
  domainSetTime(dom: DomainHandle, seconds: bigint, nseconds: number, flags: number): Promise<void>;
  domainRename(dom: DomainHandle, newName: string, flags: number): Promise<void>;
  /** Resolves to undefined when the element is absent (libvirt's NO_DOMAIN_METADATA error is
   * raised by the driver, so callers that need it get it thrown). */
  domainGetMetadata(dom: DomainHandle, type: number, uri: string | null, flags: number): Promise<string>;
  domainSetMetadata(
    dom: DomainHandle,
    type: number,
    metadata: string | null,
    key: string | null,
    uri: string | null,
    flags: number,
  ): Promise<void>;

  domainSave(dom: DomainHandle, path: string, dxml: string | null, flags: number): Promise<void>;
  domainRestore(path: string, dxml: string | null, flags: number): Promise<void>;
  domainSaveImageGetXMLDesc(path: string, flags: number): Promise<string>;
  domainSaveImageDefineXML(path: string, dxml: string, flags: number): Promise<void>;
  domainManagedSave(dom: DomainHandle, flags: number): Promise<void>;
  domainHasManagedSaveImage(dom: DomainHandle, flags: number): Promise<boolean>;
  domainManagedSaveRemove(dom: DomainHandle, flags: number): Promise<void>;
  domainManagedSaveGetXMLDesc(dom: DomainHandle, flags: number): Promise<string>;
  domainManagedSaveDefineXML(dom: DomainHandle, dxml: string, flags: number): Promise<void>;
  domainCoreDumpWithFormat(dom: DomainHandle, to: string, format: number, flags: number): Promise<void>;

  domainGetJobInfo(dom: DomainHandle): Promise<DomainJobInfo>;
  /** virDomainGetJobStats: the job type and its statistics (VIR_DOMAIN_JOB_* typed parameters). */
  domainGetJobStats(dom: DomainHandle, flags: number): Promise<{ type: number; params: TypedParam[] }>;
  domainAbortJob(dom: DomainHandle): Promise<void>;
  domainAbortJobFlags(dom: DomainHandle, flags: number): Promise<void>;
  domainScreenshot(dom: DomainHandle, screen: number, flags: number): Promise<{ mime: string; data: Uint8Array }>;
  domainSendKey(dom: DomainHandle, codeset: number, holdtime: number, keycodes: number[], flags: number): Promise<void>;
  domainInjectNMI(dom: DomainHandle, flags: number): Promise<void>;
  connectDomainXMLFromNative(format: string, config: string, flags: number): Promise<string>;
  connectDomainXMLToNative(format: string, xml: string, flags: number): Promise<string>;
}
