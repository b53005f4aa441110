import type { CommandContext, CommandOptions } from '../types.js';
import { strToInt } from '../../core/strtol.js';

/**
 * virshFetchPassFdsList: --pass-fds is a comma list of descriptor numbers (virStrToLong_i
 * each, so leading blanks and signs pass); an empty value passes none. Undefined after
 * reporting the first number that does not parse.
 */
export function passFds(ctx: CommandContext, opts: CommandOptions): number[] | undefined {
  const text = opts.stringQuiet('pass-fds');
  if (text === undefined) return [];
  const fds: number[] = [];
  for (const part of text.split(',')) {
    const fd = strToInt(part);
    if (fd === undefined) {
      ctx.error(`Unable to parse FD number '${part}'`);
      return undefined;
    }
    fds.push(fd);
  }
  return fds;
}
