import type { CommandContext } from '../types.js';

export interface Rate {
  average: bigint;
  peak: bigint;
  burst: bigint;
  floor: bigint;
}

/** virshParseRateStr: "average[,peak[,burst[,floor]]]", empty fields allowed. */
export function parseRate(ctx: CommandContext, text: string): Rate | undefined {
  const tok = text.split(',');
  if (tok.length > 4) {
    ctx.error(`Rate string '${text}' has too many fields`);
    return undefined;
  }
  const names = ['average', 'peak', 'burst', 'floor'] as const;
  const rate: Rate = { average: 0n, peak: 0n, burst: 0n, floor: 0n };
  for (const [i, name] of names.entries()) {
    const t = tok[i];
    if (t === undefined || t === '') continue;
    if (!/^\s*\+?\d+$/.test(t) || BigInt(t.trim()) >= 2n ** 64n) {
      ctx.error(`field '${name}' is malformed`);
      return undefined;
    }
    rate[name] = BigInt(t.trim());
  }
  return rate;
}
