import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import type { CommandContext, CommandOptions } from '../types.js';

/** virsh's VIRSH_BYID / BYUUID / BYNAME lookup kinds. */
export const BY_ID = 1;
export const BY_UUID = 2;
export const BY_NAME = 4;
export const BY_ALL = BY_ID | BY_UUID | BY_NAME;

/** virUUIDParse: 32 hex digits, '-' allowed between byte pairs, surrounding blanks ignored. */
function parseUUIDString(s: string): string | undefined {
  const hex = s.trim().replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** virStrToLong_i over the whole string. */
function parseId(s: string): number | undefined {
  if (!/^\s*[-+]?\d+$/.test(s)) return undefined;
  const n = Number(s.trim());
  return Number.isSafeInteger(n) && n <= 0x7fffffff && n >= -0x80000000 ? n : undefined;
}

async function quiet<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof VirError) return undefined;
    throw e;
  }
}

/**
 * virshLookupDomainBy: tries the id, then the uuid (36 characters), then the name; any lookup
 * error is dropped and virsh's own "failed to get domain" is reported instead.
 */
export async function lookupDomain(ctx: CommandContext, name: string, by = BY_ALL): Promise<DomainHandle | undefined> {
  const conn = await ctx.conn();
  let dom: DomainHandle | undefined;
  const id = parseId(name);
  const trace = (how: string) => ctx.debug(0, `${ctx.command}: <domain> ${how}\n`);
  if (by & BY_ID && id !== undefined && id >= 0) {
    trace('looks like ID');
    dom = await quiet(() => conn.domainLookupByID(id));
  }
  if (!dom && by & BY_UUID && name.length === 36) {
    trace('trying as domain UUID');
    const uuid = parseUUIDString(name);
    if (uuid) dom = await quiet(() => conn.domainLookupByUUID(uuid));
  }
  if (!dom && by & BY_NAME) {
    trace('trying as domain NAME');
    dom = await quiet(() => conn.domainLookupByName(name));
  }
  if (!dom) ctx.error(`failed to get domain '${name}'`);
  return dom;
}

/** virshCommandOptDomainBy on the command's `domain` option (or `optName`). */
export async function optDomain(
  ctx: CommandContext,
  opts: CommandOptions,
  by = BY_ALL,
  optName = 'domain',
): Promise<DomainHandle | undefined> {
  const name = opts.requiredString(optName);
  ctx.debug(1, `${ctx.command}: found option <${optName}>: ${name}\n`);
  return lookupDomain(ctx, name, by);
}

export const STATE_NAMES = ['no state', 'running', 'idle', 'paused', 'in shutdown', 'shut off', 'crashed', 'pmsuspended'];

/** virshDomainStateToString */
export const stateName = (state: number): string => STATE_NAMES[state] ?? 'no state';

/** virshDomain*ReasonTypeToString, indexed by state. */
const REASONS: string[][] = [
  ['unknown'],
  [
    'unknown', 'booted', 'migrated', 'restored', 'from snapshot', 'unpaused', 'migration canceled', 'save canceled',
    'event wakeup', 'crashed', 'post-copy', 'post-copy failed',
  ],
  ['unknown'],
  [
    'unknown', 'user', 'migrating', 'saving', 'dumping', 'I/O error', 'watchdog', 'from snapshot', 'shutting down',
    'creating snapshot', 'crashed', 'starting up', 'post-copy', 'post-copy failed',
  ],
  ['unknown', 'user'],
  ['unknown', 'shutdown', 'destroyed', 'crashed', 'migrated', 'saved', 'failed', 'from snapshot', 'daemon'],
  ['unknown', 'panicked'],
  ['unknown'],
];

export const reasonName = (state: number, reason: number): string => REASONS[state]?.[reason] ?? 'unknown';

/** VSH_EXCLUSIVE_OPTIONS: virsh's error when two options may not be combined. */
export function exclusive(ctx: CommandContext, opts: CommandOptions, a: string, b: string): boolean {
  if (opts.has(a) && opts.has(b)) {
    ctx.error(`Options --${a} and --${b} are mutually exclusive`);
    return false;
  }
  return true;
}

/** `--config/--live/--current` → VIR_DOMAIN_AFFECT_* after virsh's exclusivity checks. */
export function affectFlags(ctx: CommandContext, opts: CommandOptions): number | undefined {
  const current = opts.bool('current');
  const live = opts.bool('live');
  const config = opts.bool('config');
  if (!exclusive(ctx, opts, 'current', 'live') || !exclusive(ctx, opts, 'current', 'config')) return undefined;
  return (live ? 1 : 0) | (config ? 2 : 0);
}
