import type { TypedParam } from '../../core/api/domain-devices.js';
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
const IO_ERROR = ['none', 'pause', 'report'];
const BLOCK_JOB = ['Unknown job', 'Block Pull', 'Block Copy', 'Block Commit', 'Active Block Commit', 'Backup'];
const BLOCK_JOB_STATUS = ['completed', 'failed', 'canceled', 'ready'];
const DISK_CHANGE = ['changed', 'dropped'];
const TRAY_CHANGE = ['opened', 'closed'];
const AGENT_STATE = ['unknown', 'connected', 'disconnected'];
const AGENT_REASON = ['unknown', 'domain started', 'channel event'];
const MEMORY_RECIPIENT = ['hypervisor', 'guest'];
const MEMORY_ACTION = ['ignore', 'inject', 'fatal', 'reset'];
const GRAPHICS_PHASE = ['connect', 'initialize', 'disconnect'];
const GRAPHICS_FAMILY = ['IPv4', 'IPv6', 'unix'];

const pick = (names: readonly string[], i: number | undefined, fallback = 'unknown') => (i !== undefined && names[i]) || fallback;
const nullstr = (s: string | undefined) => s ?? '<null>';

/** printf's %g: six significant digits, exponent form outside 1e-4 .. 1e6, no trailing zeros. */
function cG(d: number): string {
  if (!Number.isFinite(d)) return Number.isNaN(d) ? 'nan' : d < 0 ? '-inf' : 'inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const [mant, e] = d.toExponential(5).split('e');
  const x = Number(e);
  const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (x < -4 || x >= 6) return `${trim(mant)}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  return trim(d.toFixed(5 - x));
}

/** virTypedParameterToString */
function paramText(p: TypedParam): string {
  if (p.type === 5) return cG(p.value as number);
  if (p.type === 6) return p.value ? '1' : '0';
  return String(p.value);
}

/** virshEventGraphicsPrint's tail: phase, both ends, the auth scheme, then one line per identity. */
function graphicsText(e: DomainEvent): string {
  const g = e.graphics!;
  const end = (a: { family: number; node: string; service: string }) => `${pick(GRAPHICS_FAMILY, a.family)} ${a.node} ${a.service}`;
  const ids = g.subject.map((i) => `\t${i.type}=${i.name}\n`).join('');
  return `: ${pick(GRAPHICS_PHASE, g.phase)} local[${end(g.local)}] remote[${end(g.remote)}] ${g.authScheme}\n${ids}`;
}

const paramLines = (e: DomainEvent) => (e.params ?? []).map((p) => `\t${p.field}: ${paramText(p)}\n`).join('');

/**
 * The line(s) virsh's callback for each event id prints (virshEvent*Print), by event id.
 * Ids whose events carry data no driver here produces print the generic line.
 */
const FORMATS: Record<number, (e: DomainEvent, name: string) => string> = {
  0: (e) => `: ${pick(LIFECYCLE, e.event)} ${pick(DETAILS[e.event ?? -1] ?? [], e.detail)}\n`,
  2: (e) => `: ${e.offset ?? 0n}\n`,
  3: (e) => `: ${pick(WATCHDOG, e.action)}\n`,
  4: (e) => `: ${e.srcPath} (${e.devAlias}) ${pick(IO_ERROR, e.action)}\n`,
  5: graphicsText,
  6: (e) => `: ${e.srcPath} (${e.devAlias}) ${pick(IO_ERROR, e.action)} due to ${e.reasonText}\n`,
  8: (e) => `: ${pick(BLOCK_JOB, e.type, 'Unknown job')} for ${e.disk} ${pick(BLOCK_JOB_STATUS, e.status)}\n`,
  9: (e) => ` disk ${e.devAlias}: ${nullstr(e.oldSrcPath)} -> ${nullstr(e.newSrcPath)}: ${pick(DISK_CHANGE, e.reason)}\n`,
  10: (e) => ` disk ${e.devAlias}: ${pick(TRAY_CHANGE, e.reason)}\n`,
  16: (e) => `: ${pick(BLOCK_JOB, e.type, 'Unknown job')} for ${e.disk} ${pick(BLOCK_JOB_STATUS, e.status)}\n`,
  17: (e) => `:\n${paramLines(e)}`,
  21: (e) => `:\n${paramLines(e)}`,
  18: (e) => `: state: '${pick(AGENT_STATE, e.state, 'unsupported value')}' reason: '${pick(AGENT_REASON, e.reason, 'unsupported value')}'\n`,
  24: (e) => `: dev: ${e.dev}(${nullstr(e.path)}) ${e.threshold} ${e.excess}\n`,
  25: (e) =>
    `:\nrecipient: ${pick(MEMORY_RECIPIENT, e.recipient, 'unsupported value')}\naction: ${pick(MEMORY_ACTION, e.action, 'unsupported value')}\n` +
    `flags:\n\taction required: ${(e.flags ?? 0) & 1 ? 1 : 0}\n\trecursive: ${(e.flags ?? 0) & 2 ? 1 : 0}\n`,
  26: (e) => `:\nalias: ${e.devAlias}\nsize: ${e.size}\n`,
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
