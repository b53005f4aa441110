import { FDAssociate } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

/** virsh's virshFetchPassFdsList: comma-separated descriptor numbers (virStrToLong_i each). */
function parseFds(text: string | undefined): { fds: number[] } | { bad: string } {
  if (text === undefined) return { fds: [] };
  const fds: number[] = [];
  for (const part of text.split(',')) {
    const n = /^\s*[-+]?\d+$/.test(part) ? Number(part) : NaN;
    if (!(n >= -(2 ** 31) && n < 2 ** 31)) return { bad: part };
    fds.push(n);
  }
  return { fds };
}

export const domFdAssociate: Handler = async (ctx, opts) => {
  const flags =
    (opts.bool('seclabel-writable') ? FDAssociate.SECLABEL_WRITABLE : 0) |
    (opts.bool('seclabel-restore') ? FDAssociate.SECLABEL_RESTORE : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('name');
  const parsed = parseFds(opts.stringQuiet('pass-fds'));
  if ('bad' in parsed) {
    ctx.error(`Unable to parse FD number '${parsed.bad}'`);
    return false;
  }
  await (await ctx.conn()).domainFDAssociate(dom, name, parsed.fds, flags);
  return true;
};
