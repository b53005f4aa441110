// domjobinfo (cmdDomjobinfo): the job statistics API first, the older job info call when the
// driver lacks it (which takes no flags), then virsh's summary or the raw parameters.
import { ErrorCodes } from '../../core/error-codes.js';
import { VirError } from '../../core/errors.js';
import type { TypedParam } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

/** VIR_DOMAIN_JOB_STATS_COMPLETED / _KEEP_COMPLETED */
const COMPLETED = 1;
const KEEP_COMPLETED = 2;

/** virshDomainJob, by virDomainJobType */
const JOB_TYPES = ['None', 'Bounded', 'Unbounded', 'Completed', 'Failed', 'Cancelled'];

/** virTypedParameterToString */
function paramText(p: TypedParam): string {
  if (typeof p.value === 'boolean') return p.value ? '1' : '0';
  if (typeof p.value === 'number' && !Number.isInteger(p.value)) return p.value.toFixed(6);
  return String(p.value);
}

export const domjobinfo: Handler = async (ctx, opts) => {
  if (opts.has('keep-completed') && !opts.has('completed')) {
    ctx.error('Option --completed is required by option --keep-completed');
    return false;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const rawstats = opts.bool('rawstats');
  const flags = (opts.bool('completed') ? COMPLETED : 0) | (opts.bool('keep-completed') ? KEEP_COMPLETED : 0);
  let type: number;
  let params: TypedParam[] = [];
  try {
    ({ type, params } = await conn.domainGetJobStats(dom, flags));
  } catch (e) {
    if (!(e instanceof VirError) || e.code !== ErrorCodes.NO_SUPPORT[0]) throw e;
    if (flags || rawstats) {
      ctx.error('Optional flags or --rawstats are not supported by the daemon');
      throw e;
    }
    type = (await conn.domainGetJobInfo(dom)).type;
  }
  if (rawstats) {
    ctx.print(`Job type: ${type}\n\n${params.map((p) => `${p.field}: ${paramText(p)}\n`).join('')}`);
    return true;
  }
  ctx.print(`${'Job type:'.padEnd(17)} ${(JOB_TYPES[type] ?? 'unknown').padEnd(12)}\n`);
  // No driver of this project runs long jobs yet: an active job's statistics are not printed.
  return true;
};
