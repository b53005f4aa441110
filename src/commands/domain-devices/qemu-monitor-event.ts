// qemu-monitor-event (cmdQemuMonitorEvent): QEMU's own monitor events as they arrive, filtered
// by domain and event name, until the first one, the timeout, or an interrupt.
import { QemuMonitorEventFlags, type QemuMonitorEvent } from '../../core/api/domain-devices.js';
import { EventLoop, timeoutMs } from '../events/wait.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';
import { formatJson, parseJson } from './yajl-json.js';

/** virshEventQemuPrint's text (the timestamp, when asked for, is the loop's). */
function eventText(e: QemuMonitorEvent, pretty: boolean, stamped: boolean): string {
  let details = e.details;
  const json = pretty && details !== null ? parseJson(details) : undefined;
  if (json) details = formatJson(json, true);
  const shown = details ?? '<null>';
  if (stamped) return `event ${e.event} for domain '${e.dom.name}': ${shown}\n`;
  return `event ${e.event} at ${e.seconds}.${String(e.micros).padStart(6, '0')} for domain '${e.dom.name}': ${shown}\n`;
}

export const qemuMonitorEvent: Handler = async (ctx, opts) => {
  const flags = (opts.bool('regex') ? QemuMonitorEventFlags.REGEX : 0) | (opts.bool('no-case') ? QemuMonitorEventFlags.NOCASE : 0);
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  const event = opts.string('event') ?? null;
  let dom = null;
  if (opts.has('domain')) {
    dom = await optDomain(ctx, opts);
    if (!dom) return false;
  }
  const conn = await ctx.conn();
  const stamped = opts.bool('timestamp');
  const loop = new EventLoop(ctx, opts.bool('loop'), stamped);
  const pretty = opts.bool('pretty');
  const id = await conn.connectDomainQemuMonitorEventRegister(dom, event, flags, (e) => loop.print(eventText(e, pretty, stamped)));
  try {
    return await loop.wait(timeout);
  } finally {
    await conn.connectDomainQemuMonitorEventDeregister(id);
  }
};
