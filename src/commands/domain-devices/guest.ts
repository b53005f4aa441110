import type { TypedParam } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { exclusive, formatTable, optDomain, paramValue, requireOpt } from './util.js';

/** domfsfreeze / domfsthaw: the named mount points, or all of them. */
function freezeOrThaw(freeze: boolean): Handler {
  return async (ctx, opts) => {
    const dom = await optDomain(ctx, opts);
    if (!dom) return false;
    const mounts = opts.argv('mountpoint');
    const conn = await ctx.conn();
    const n = await ctx.attempt(freeze ? 'Unable to freeze filesystems' : 'Unable to thaw filesystems', () =>
      freeze ? conn.domainFSFreeze(dom, mounts, 0) : conn.domainFSThaw(dom, mounts, 0),
    );
    ctx.printExtra(`${freeze ? 'Froze' : 'Thawed'} ${n} filesystem(s)\n`);
    return true;
  };
}

export const domfsfreeze = freezeOrThaw(true);
export const domfsthaw = freezeOrThaw(false);

export const domfstrim: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const minimum = opts.ulong('minimum') ?? 0n;
  const mountpoint = opts.string('mountpoint') ?? null;
  const conn = await ctx.conn();
  await ctx.attempt('Unable to invoke fstrim', () => conn.domainFSTrim(dom, mountpoint, minimum, 0));
  return true;
};

export const domfsinfo: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const info = await ctx.attempt('Unable to get filesystem information', () => conn.domainGetFSInfo(dom, 0));
  if (info.length === 0) {
    ctx.printExtra('No filesystems are mounted in the domain');
    return true;
  }
  const rows = info.map((f) => [f.mountpoint, f.name, f.fstype, f.devAlias.join(',')]);
  ctx.print(formatTable(['Mountpoint', 'Name', 'Type', 'Target'], rows, !ctx.shell.quiet));
  return true;
};

const GUEST_INFO_TYPES: Array<[string, number]> = [
  ['user', 1],
  ['os', 2],
  ['timezone', 4],
  ['hostname', 8],
  ['filesystem', 16],
  ['disk', 32],
  ['interface', 64],
];

export const guestinfo: Handler = async (ctx, opts) => {
  let types = 0;
  for (const [o, bit] of GUEST_INFO_TYPES) if (opts.bool(o)) types |= bit;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  for (const p of await (await ctx.conn()).domainGetGuestInfo(dom, types, 0)) ctx.print(`${p.field.padEnd(20)}: ${paramValue(p)}\n`);
  return true;
};

export const guestAgentTimeout: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const timeout = opts.int('timeout') ?? -1;
  await (await ctx.conn()).domainAgentSetResponseTimeout(dom, timeout, 0);
  return true;
};

export const setUserPassword: Handler = async (ctx, opts) => {
  const flags = opts.bool('encrypted') ? 1 : 0;
  const user = opts.requiredString('user');
  const password = opts.requiredString('password');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainSetUserPassword(dom, user, password, flags);
  ctx.printExtra(`Password set successfully for ${user} in ${opts.requiredString('domain')}`);
  return true;
};

export const getUserSshkeys: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const user = opts.requiredString('user');
  for (const k of await (await ctx.conn()).domainAuthorizedSSHKeysGet(dom, user, 0)) ctx.print(k);
  return true;
};

export const setUserSshkeys: Handler = async (ctx, opts) => {
  if (!requireOpt(ctx, opts, 'remove', 'file') || !exclusive(ctx, opts, 'reset', 'remove')) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const user = opts.requiredString('user');
  const from = opts.string('file');
  let flags = 0;
  if (opts.bool('remove')) flags |= 2;
  else if (!opts.bool('reset')) {
    flags |= 1;
    if (from === undefined) {
      ctx.error('Option --file is required');
      return false;
    }
  }
  let keys: string[] = [];
  if (from !== undefined) {
    const text = await ctx.readFile(from);
    // g_strsplit yields no pieces for an empty buffer, one per line otherwise.
    keys = text === '' ? [] : text.split('\n');
    if (!keys.length) {
      ctx.error(`File ${from} contains no keys`);
      return false;
    }
  }
  await (await ctx.conn()).domainAuthorizedSSHKeysSet(dom, user, keys, flags);
  return true;
};

const DIRTYRATE_MODES = ['page-sampling', 'dirty-bitmap', 'dirty-ring'];

export const domdirtyrateCalc: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const seconds = opts.int('seconds') ?? 1;
  const mode = opts.string('mode');
  let flags = 0;
  if (mode !== undefined) {
    const m = DIRTYRATE_MODES.indexOf(mode);
    if (m < 0) {
      ctx.error(`Unknown calculation mode '${mode}'`);
      return false;
    }
    flags = m === 0 ? 0 : 1 << (m - 1);
  }
  await (await ctx.conn()).domainStartDirtyRateCalc(dom, seconds, flags);
  ctx.printExtra("Start to calculate domain's memory dirty rate successfully.\n");
  return true;
};

export const domsetlaunchsecstate: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const hdr = opts.string('secrethdr');
  const secret = opts.string('secret');
  if (hdr === undefined || secret === undefined) {
    ctx.error('Both secret and the secret header are required');
    return false;
  }
  const params: TypedParam[] = [
    { field: 'sev-secret-header', type: 7, value: await ctx.readFile(hdr) },
    { field: 'sev-secret', type: 7, value: await ctx.readFile(secret) },
  ];
  const addr = opts.ulong('set-address');
  if (addr !== undefined) params.push({ field: 'sev-secret-set-address', type: 4, value: addr });
  const conn = await ctx.conn();
  await ctx.attempt('Unable to set launch security state', () => conn.domainSetLaunchSecurityState(dom, params, 0));
  return true;
};
