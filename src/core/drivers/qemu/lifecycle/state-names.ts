// virDomainState and its reasons as libvirt names them in status files (not virsh's wording).
const STATES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

const REASONS: string[][] = [
  ['unknown'],
  ['unknown', 'booted', 'migrated', 'restored', 'from snapshot', 'unpaused', 'migration canceled', 'save canceled', 'wakeup', 'crashed', 'post-copy', 'post-copy failed'],
  ['unknown'],
  ['unknown', 'user', 'migration', 'save', 'dump', 'ioerror', 'watchdog', 'from snapshot', 'shutdown', 'snapshot', 'panicked', 'starting up', 'post-copy', 'post-copy failed'],
  ['unknown', 'user'],
  ['unknown', 'shutdown', 'destroyed', 'crashed', 'migrated', 'saved', 'failed', 'from snapshot', 'daemon'],
  ['unknown', 'panicked'],
  ['unknown'],
];

export const stateName = (state: number): string => STATES[state] ?? 'nostate';
export const stateReasonName = (state: number, reason: number): string => REASONS[state]?.[reason] ?? 'unknown';

/** The numbers back; unknown names read as no state / unknown reason. */
export function stateFromNames(state: string, reason: string): { state: number; reason: number } {
  const s = Math.max(0, STATES.indexOf(state));
  return { state: s, reason: Math.max(0, REASONS[s].indexOf(reason)) };
}
