import { watchJob } from '../job/watch.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

const DUMP = { CRASH: 1, LIVE: 2, BYPASS_CACHE: 4, RESET: 8, MEMORY_ONLY: 16 } as const;
/** virshDomainCoreDumpFormat: elf is the raw format (0). */
const FORMATS = ['elf', 'kdump-zlib', 'kdump-lzo', 'kdump-snappy', 'win-dmp'];

/** dump: core dump a domain to a file (the worker's checks, then the API, then the report). */
export const dump: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const to = opts.requiredString('file');
  const flags =
    (opts.bool('live') ? DUMP.LIVE : 0) |
    (opts.bool('crash') ? DUMP.CRASH : 0) |
    (opts.bool('bypass-cache') ? DUMP.BYPASS_CACHE : 0) |
    (opts.bool('reset') ? DUMP.RESET : 0) |
    (opts.bool('memory-only') ? DUMP.MEMORY_ONLY : 0);
  let format = 0;
  if (opts.has('format')) {
    if (!(flags & DUMP.MEMORY_ONLY)) {
      ctx.error('--format only works with --memory-only');
      return false;
    }
    const f = opts.stringQuiet('format');
    if (f) {
      format = FORMATS.indexOf(f);
      if (format < 0) {
        ctx.error(`format '${f}' is not supported, expecting 'kdump-zlib', 'kdump-lzo', 'kdump-snappy', 'win-dmp' or 'elf'`);
        return false;
      }
    }
  }
  const conn = await ctx.conn();
  // virsh keeps the older call for the raw format: its name shows in read-only refusals.
  await watchJob({ conn, dom, label: 'Dump', verbose: opts.bool('verbose'), debug: ctx.debug, lookup: () => optDomain(ctx, opts) }, () =>
    ctx.attempt(`Failed to core dump domain '${name}' to ${to}`, () =>
      format === 0 ? conn.domainCoreDump(dom, to, flags) : conn.domainCoreDumpWithFormat(dom, to, format, flags),
    ),
  );
  ctx.printExtra(`\nDomain '${name}' dumped to ${to}\n`);
  return true;
};
