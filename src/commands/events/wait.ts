import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandContext, CommandOptions } from '../types.js';

/** vshCommandOptTimeoutToMs: --timeout in seconds, 1..INT_MAX/1000; 0 means none given. */
export function timeoutMs(ctx: CommandContext, opts: CommandOptions): number | undefined {
  const t = opts.uint('timeout');
  if (t === undefined) return 0;
  if (t === 0 || t > Math.floor(0x7fffffff / 1000)) {
    ctx.error(`Numeric value '${t}' for <timeout> option is malformed or out of range`);
    return undefined;
  }
  return t * 1000;
}

/**
 * vshEventWait + the summary every event command prints: waits for the timeout (or until
 * interrupted) while `received()` counts deliveries; succeeds only if some event arrived.
 */
export async function waitForEvents(ctx: CommandContext, timeout: number, received: () => number): Promise<boolean> {
  const interrupted = new Promise<'interrupt'>((resolve) => process.once('SIGINT', () => resolve('interrupt')));
  const timedOut = timeout > 0 ? sleep(timeout).then(() => 'timeout' as const) : new Promise<never>(() => {});
  const how = await Promise.race([interrupted, timedOut]);
  ctx.print(how === 'timeout' ? 'event loop timed out\n' : 'event loop interrupted\n');
  ctx.print(`events received: ${received()}\n`);
  return received() > 0;
}
