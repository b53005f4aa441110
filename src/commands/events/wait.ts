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

/** virTimeStringNowRaw: local time as YYYY-MM-DD HH:MM:SS.mmm+ZZZZ. */
export function timestamp(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const zone = (off >= 0 ? '+' : '-') + p(Math.floor(Math.abs(off) / 60)) + p(Math.abs(off) % 60);
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}${zone}`;
}

type Ending = 'done' | 'timeout' | 'interrupt';

/** The loop a command is waiting in, so a dropped connection can end it (vshEventDone). */
let current: EventLoop | undefined;

/** Ends the event wait in progress, if any: virsh's close callback does this on a disconnect. */
export function endEventWait(): void {
  current?.done();
}

/**
 * vshEventStart / vshEventWait / virshEventPrint: counts and prints events as callbacks
 * deliver them; without --loop the first event ends the wait.
 */
export class EventLoop {
  count = 0;
  private finish: (how: Ending) => void = () => {};
  private readonly ended = new Promise<Ending>((resolve) => (this.finish = resolve));

  constructor(
    private readonly ctx: CommandContext,
    private readonly loop: boolean,
    private readonly stamp: boolean,
  ) {}

  /** virshEventPrint: one event's text (ending in a newline). */
  print(text: string): void {
    if (!this.loop && this.count) return;
    this.ctx.print(this.stamp ? `${timestamp()}: ${text}` : text);
    this.count++;
    if (!this.loop) this.done();
  }

  done(): void {
    this.finish('done');
  }

  /** vshEventWait plus the summary lines; true when some event arrived. */
  async wait(timeout: number): Promise<boolean> {
    current = this;
    const onInt = () => this.finish('interrupt');
    process.once('SIGINT', onInt);
    const timer = timeout > 0 ? setTimeout(() => this.finish('timeout'), timeout) : undefined;
    const how = await this.ended;
    clearTimeout(timer);
    process.removeListener('SIGINT', onInt);
    if (current === this) current = undefined;
    if (how === 'interrupt') this.ctx.print('event loop interrupted\n');
    if (how === 'timeout') this.ctx.print('event loop timed out\n');
    this.ctx.print(`events received: ${this.count}\n`);
    return this.count > 0;
  }
}
