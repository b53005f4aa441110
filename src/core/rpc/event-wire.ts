import { DomainEventID as E, type DomainEvent } from '../api/events.js';
import type { Procedure } from './procedures/index.js';
import { P } from './procedures/index.js';

/** How one domain event id travels: its MESSAGE procedure and the payload both ways. */
export interface DomainEventWire {
  eventID: number;
  proc: Procedure;
  toMsg(callbackID: number, e: DomainEvent): unknown;
  fromMsg(m: any): { callbackID: number; ev: DomainEvent };
}

type Field = Exclude<keyof DomainEvent, 'eventID' | 'dom'>;
const pick = (o: Record<string, unknown>, fields: readonly Field[]) => Object.fromEntries(fields.map((f) => [f, o[f]]));

/** `{callbackID, msg: {dom, …}}`: the callback message wraps the legacy one. */
const nested = (eventID: number, proc: Procedure, fields: Field[] = []): DomainEventWire => ({
  eventID,
  proc,
  toMsg: (callbackID, e) => ({ callbackID, msg: { dom: e.dom, ...pick(e as never, fields) } }),
  fromMsg: (m) => ({ callbackID: m.callbackID, ev: { eventID, dom: m.msg.dom, ...pick(m.msg, fields) } }),
});
/** `{callbackID, dom, …}`: events added after the callback messages existed. */
const flat = (eventID: number, proc: Procedure, fields: Field[] = []): DomainEventWire => ({
  eventID,
  proc,
  toMsg: (callbackID, e) => ({ callbackID, dom: e.dom, ...pick(e as never, fields) }),
  fromMsg: (m) => ({ callbackID: m.callbackID, ev: { eventID, dom: m.dom, ...pick(m, fields) } }),
});
/** `{callbackID, msg: {dom, …}}` whose wire names differ from the event's fields. */
const renamed = (eventID: number, proc: Procedure, names: Record<string, Field>, flatShape: boolean): DomainEventWire => {
  const toEvent = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(names).map(([w, f]) => [f, m[w]]));
  const toWire = (e: DomainEvent) => Object.fromEntries(Object.entries(names).map(([w, f]) => [w, e[f]]));
  return {
    eventID,
    proc,
    toMsg: (callbackID, e) => (flatShape ? { callbackID, dom: e.dom, ...toWire(e) } : { callbackID, msg: { dom: e.dom, ...toWire(e) } }),
    fromMsg: (m) => {
      const body = flatShape ? m : m.msg;
      return { callbackID: m.callbackID, ev: { eventID, dom: body.dom, ...toEvent(body) } };
    },
  };
};

/** The graphics message carries its details beside the domain. */
const graphics = (eventID: number, proc: Procedure): DomainEventWire => ({
  eventID,
  proc,
  toMsg: (callbackID, e) => ({ callbackID, msg: { dom: e.dom, ...e.graphics } }),
  fromMsg: (m) => {
    const { dom, phase, local, remote, authScheme, subject } = m.msg;
    return { callbackID: m.callbackID, ev: { eventID, dom, graphics: { phase, local, remote, authScheme, subject } } };
  },
});

/** `{callbackID, reason, msg: {dom}}`: the PM events. */
const pm = (eventID: number, proc: Procedure): DomainEventWire => ({
  eventID,
  proc,
  toMsg: (callbackID, e) => ({ callbackID, reason: e.reason ?? 0, msg: { dom: e.dom } }),
  fromMsg: (m) => ({ callbackID: m.callbackID, ev: { eventID, dom: m.msg.dom, reason: m.reason } }),
});

/** The domain events this project carries over RPC, by event id. */
export const DOMAIN_EVENT_WIRE: ReadonlyMap<number, DomainEventWire> = new Map(
  [
    nested(E.LIFECYCLE, P.domainEventCallbackLifecycle, ['event', 'detail']),
    nested(E.REBOOT, P.domainEventCallbackReboot),
    nested(E.RTC_CHANGE, P.domainEventCallbackRtcChange, ['offset']),
    nested(E.WATCHDOG, P.domainEventCallbackWatchdog, ['action']),
    nested(E.IO_ERROR, P.domainEventCallbackIoError, ['srcPath', 'devAlias', 'action']),
    graphics(E.GRAPHICS, P.domainEventCallbackGraphics),
    renamed(E.IO_ERROR_REASON, P.domainEventCallbackIoErrorReason, { srcPath: 'srcPath', devAlias: 'devAlias', action: 'action', reason: 'reasonText' }, false),
    nested(E.CONTROL_ERROR, P.domainEventCallbackControlError),
    renamed(E.BLOCK_JOB, P.domainEventCallbackBlockJob, { path: 'disk', type: 'type', status: 'status' }, false),
    nested(E.DISK_CHANGE, P.domainEventCallbackDiskChange, ['oldSrcPath', 'newSrcPath', 'devAlias', 'reason']),
    nested(E.TRAY_CHANGE, P.domainEventCallbackTrayChange, ['devAlias', 'reason']),
    renamed(E.BLOCK_JOB_2, P.domainEventBlockJob2, { dst: 'disk', type: 'type', status: 'status' }, true),
    flat(E.TUNABLE, P.domainEventCallbackTunable, ['params']),
    flat(E.JOB_COMPLETED, P.domainEventCallbackJobCompleted, ['params']),
    flat(E.AGENT_LIFECYCLE, P.domainEventCallbackAgentLifecycle, ['state', 'reason']),
    flat(E.BLOCK_THRESHOLD, P.domainEventBlockThreshold, ['dev', 'path', 'threshold', 'excess']),
    flat(E.MEMORY_FAILURE, P.domainEventMemoryFailure, ['recipient', 'action', 'flags']),
    renamed(E.MEMORY_DEVICE_SIZE_CHANGE, P.domainEventMemoryDeviceSizeChange, { alias: 'devAlias', size: 'size' }, true),
    pm(E.PMWAKEUP, P.domainEventCallbackPmwakeup),
    pm(E.PMSUSPEND, P.domainEventCallbackPmsuspend),
    nested(E.BALLOON_CHANGE, P.domainEventCallbackBalloonChange, ['actual']),
    pm(E.PMSUSPEND_DISK, P.domainEventCallbackPmsuspendDisk),
    nested(E.DEVICE_REMOVED, P.domainEventCallbackDeviceRemoved, ['devAlias']),
    flat(E.DEVICE_ADDED, P.domainEventCallbackDeviceAdded, ['devAlias']),
    flat(E.MIGRATION_ITERATION, P.domainEventCallbackMigrationIteration, ['iteration']),
    flat(E.DEVICE_REMOVAL_FAILED, P.domainEventCallbackDeviceRemovalFailed, ['devAlias']),
    flat(E.METADATA_CHANGE, P.domainEventCallbackMetadataChange, ['type', 'nsuri']),
  ].map((w) => [w.eventID, w]),
);

/** The same rows by procedure number, for a client routing MESSAGE packets. */
export const DOMAIN_EVENT_BY_PROC: ReadonlyMap<number, DomainEventWire> = new Map([...DOMAIN_EVENT_WIRE.values()].map((w) => [w.proc.number, w]));
