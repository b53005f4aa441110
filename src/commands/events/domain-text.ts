import type { DomainEvent } from '../../core/api/events.js';
import { DOMAIN_EVENTS } from './names.js';

/** virshDomainEvent*: the lifecycle event names, and each event's detail names. */
const LIFECYCLE = ['Defined', 'Undefined', 'Started', 'Suspended', 'Resumed', 'Stopped', 'Shutdown', 'PMSuspended', 'Crashed'];
const DETAILS: string[][] = [
  ['Added', 'Updated', 'Renamed', 'Snapshot'],
  ['Removed', 'Renamed'],
  ['Booted', 'Migrated', 'Restored', 'Snapshot', 'Event wakeup'],
  ['Paused', 'Migrated', 'I/O Error', 'Watchdog', 'Restored', 'Snapshot', 'API error', 'Post-copy', 'Post-copy Error'],
  ['Unpaused', 'Migrated', 'Snapshot', 'Post-copy', 'Post-copy Error'],
  ['Shutdown', 'Destroyed', 'Crashed', 'Migrated', 'Saved', 'Failed', 'Snapshot'],
  ['Finished', 'Finished after guest request', 'Finished after host request'],
  ['Memory', 'Disk'],
  ['Panicked', 'Crashloaded'],
];
const WATCHDOG = ['none', 'pause', 'reset', 'poweroff', 'shutdown', 'debug', 'inject-nmi'];
const METADATA = ['description', 'title', 'element'];

const pick = (names: readonly string[], i: number | undefined, fallback = 'unknown') => (i !== undefined && names[i]) || fallback;
const nullstr = (s: string | undefined) => s ?? '<null>';

/**
 * The line(s) virsh's callback for each event id prints (virshEvent*Print), by event id.
 * Ids whose events carry data no driver here produces print the generic line.
 */
const FORMATS: Record<number, (e: DomainEvent, name: string) => string> = {
  0: (e) => `: ${pick(LIFECYCLE, e.event)} ${pick(DETAILS[e.event ?? -1] ?? [], e.detail)}\n`,
  2: (e) => `: ${e.offset ?? 0n}\n`,
  3: (e) => `: ${pick(WATCHDOG, e.action)}\n`,
  13: (e) => `: ${e.actual ?? 0n}KiB\n`,
  15: (e) => `: ${e.devAlias}\n`,
  19: (e) => `: ${e.devAlias}\n`,
  20: (e) => `: iteration: '${e.iteration}'\n`,
  22: (e) => `: ${e.devAlias}\n`,
  23: (e) => `: type ${pick(METADATA, e.type, 'unsupported value')}, uri ${nullstr(e.nsuri)}\n`,
};

/** The text virsh prints for one domain event. */
export function domainEventText(e: DomainEvent): string {
  const name = DOMAIN_EVENTS[e.eventID];
  const tail = FORMATS[e.eventID];
  return `event '${name}' for domain '${e.dom.name}'${tail ? tail(e, name) : '\n'}`;
}
