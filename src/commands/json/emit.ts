import type { CommandContext, CommandOptions } from '../types.js';

/** 64-bit counters (bigint in the core) as JSON numbers: every value a host reports fits 2^53. */
const numbers = (_key: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/**
 * Prints a command's result: as virsh's text, or as JSON when `--json` was given. Handlers
 * build the data once and pass the text renderer, so both forms say the same thing.
 */
export function emit<T>(ctx: CommandContext, opts: CommandOptions, data: T, text: (data: T) => string): void {
  ctx.print(opts.bool('json') ? `${JSON.stringify(data, numbers, 2)}\n` : text(data));
}
