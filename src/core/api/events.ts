import type { DomainHandle, NodeDeviceHandle } from './handles.js';
import type { TypedParam } from './domain-devices.js';

/** virDomainEventID: one callback type per id (virsh `event --list` order). */
export const DomainEventID = {
  LIFECYCLE: 0,
  REBOOT: 1,
  RTC_CHANGE: 2,
  WATCHDOG: 3,
  IO_ERROR: 4,
  GRAPHICS: 5,
  IO_ERROR_REASON: 6,
  CONTROL_ERROR: 7,
  BLOCK_JOB: 8,
  DISK_CHANGE: 9,
  TRAY_CHANGE: 10,
  PMWAKEUP: 11,
  PMSUSPEND: 12,
  BALLOON_CHANGE: 13,
  PMSUSPEND_DISK: 14,
  DEVICE_REMOVED: 15,
  BLOCK_JOB_2: 16,
  TUNABLE: 17,
  AGENT_LIFECYCLE: 18,
  DEVICE_ADDED: 19,
  MIGRATION_ITERATION: 20,
  JOB_COMPLETED: 21,
  DEVICE_REMOVAL_FAILED: 22,
  METADATA_CHANGE: 23,
  BLOCK_THRESHOLD: 24,
  MEMORY_FAILURE: 25,
  MEMORY_DEVICE_SIZE_CHANGE: 26,
} as const;
export const DOMAIN_EVENT_ID_LAST = 27;

/** virDomainEventType (the lifecycle event's `event`). */
export const DomainLifecycle = {
  DEFINED: 0,
  UNDEFINED: 1,
  STARTED: 2,
  SUSPENDED: 3,
  RESUMED: 4,
  STOPPED: 5,
  SHUTDOWN: 6,
  PMSUSPENDED: 7,
  CRASHED: 8,
} as const;

/** The lifecycle details the drivers emit (virDomainEvent*DetailType). */
export const LifecycleDetail = {
  DEFINED_ADDED: 0,
  DEFINED_UPDATED: 1,
  DEFINED_RENAMED: 2,
  DEFINED_FROM_SNAPSHOT: 3,
  UNDEFINED_REMOVED: 0,
  UNDEFINED_RENAMED: 1,
  STARTED_BOOTED: 0,
  STARTED_MIGRATED: 1,
  STARTED_RESTORED: 2,
  STARTED_FROM_SNAPSHOT: 3,
  SUSPENDED_PAUSED: 0,
  SUSPENDED_FROM_SNAPSHOT: 5,
  SUSPENDED_API_ERROR: 6,
  RESUMED_UNPAUSED: 0,
  RESUMED_FROM_SNAPSHOT: 2,
  STOPPED_SHUTDOWN: 0,
  STOPPED_DESTROYED: 1,
  STOPPED_CRASHED: 2,
  STOPPED_SAVED: 4,
  STOPPED_FAILED: 5,
  STOPPED_FROM_SNAPSHOT: 6,
  SHUTDOWN_FINISHED: 0,
  SHUTDOWN_GUEST: 1,
  SHUTDOWN_HOST: 2,
} as const;

/**
 * One domain event as a callback receives it: `eventID` says which; the other fields are
 * those that id carries (lifecycle: event + detail; rtc-change: offset; watchdog: action;
 * io-error: srcPath, devAlias, action (+ reasonText); block-job: disk, type, status;
 * disk-change: oldSrcPath, newSrcPath, devAlias, reason; tray-change: devAlias, reason;
 * pm-*: reason; balloon-change: actual; device-*: devAlias; agent-lifecycle: state, reason;
 * migration-iteration: iteration; metadata-change: type + nsuri; block-threshold: dev, path,
 * threshold, excess; memory-failure: recipient, action, flags; memory-device-size-change:
 * devAlias, size; tunable and job-completed: params; graphics: graphics).
 */
export interface DomainEvent {
  eventID: number;
  dom: DomainHandle;
  event?: number;
  detail?: number;
  offset?: bigint;
  action?: number;
  reason?: number;
  reasonText?: string;
  srcPath?: string;
  oldSrcPath?: string;
  newSrcPath?: string;
  disk?: string;
  status?: number;
  state?: number;
  actual?: bigint;
  devAlias?: string;
  iteration?: number;
  type?: number;
  nsuri?: string;
  dev?: string;
  path?: string;
  threshold?: bigint;
  excess?: bigint;
  recipient?: number;
  flags?: number;
  size?: bigint;
  params?: TypedParam[];
  graphics?: GraphicsInfo;
}
export type DomainEventCallback = (ev: DomainEvent) => void;

/** virDomainEventGraphicsAddress: family 0 IPv4, 1 IPv6, 2 unix. */
export interface GraphicsAddress {
  family: number;
  node: string;
  service: string;
}

/** The graphics event's client details (virConnectDomainEventGraphicsCallback). */
export interface GraphicsInfo {
  phase: number;
  local: GraphicsAddress;
  remote: GraphicsAddress;
  authScheme: string;
  subject: { type: string; name: string }[];
}

/** virNodeDeviceEventID and virNodeDeviceEventLifecycleType. */
export const NodeDeviceEventID = { LIFECYCLE: 0, UPDATE: 1 } as const;
export const NodeDeviceLifecycle = { CREATED: 0, DELETED: 1, DEFINED: 2, UNDEFINED: 3 } as const;

export interface NodeDeviceEvent {
  eventID: number;
  dev: NodeDeviceHandle;
  event?: number;
  detail?: number;
}
export type NodeDeviceEventCallback = (ev: NodeDeviceEvent) => void;

/** virConnectCloseReason */
export type CloseCallback = (reason: number) => void;

/** Event registration (virConnect*EventRegisterAny) and the connection's close callback. */
export interface EventApi {
  /** virConnectDomainEventRegisterAny; `dom` narrows to one domain. Resolves to the callback id. */
  connectDomainEventRegisterAny(dom: DomainHandle | undefined, eventID: number, cb: DomainEventCallback): Promise<number>;
  connectDomainEventDeregisterAny(callbackID: number): Promise<void>;
  connectNodeDeviceEventRegisterAny(dev: NodeDeviceHandle | undefined, eventID: number, cb: NodeDeviceEventCallback): Promise<number>;
  connectNodeDeviceEventDeregisterAny(callbackID: number): Promise<void>;
  /** virConnectRegisterCloseCallback: `cb` runs when the connection drops by itself. */
  connectRegisterCloseCallback(cb: CloseCallback): Promise<void>;
  connectUnregisterCloseCallback(cb: CloseCallback): Promise<void>;
}
