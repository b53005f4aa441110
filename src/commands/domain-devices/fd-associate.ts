import { FDAssociate } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';
import { passFds } from '../domain/pass-fds.js';

export const domFdAssociate: Handler = async (ctx, opts) => {
  const flags =
    (opts.bool('seclabel-writable') ? FDAssociate.SECLABEL_WRITABLE : 0) |
    (opts.bool('seclabel-restore') ? FDAssociate.SECLABEL_RESTORE : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('name');
  const fds = passFds(ctx, opts);
  if (!fds) return false;
  await (await ctx.conn()).domainFDAssociate(dom, name, fds, flags);
  return true;
};
