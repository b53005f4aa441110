import type { Handler } from '../types.js';
import { NODE_DEVICE_EVENTS } from '../events/names.js';
import { timeoutMs, waitForEvents } from '../events/wait.js';
import { nodeDeviceByName } from './lookup.js';

/** virsh `nodedev-event`. */
export const nodedevEvent: Handler = async (ctx, opts) => {
  if (opts.bool('list')) {
    for (const e of NODE_DEVICE_EVENTS) ctx.print(`${e}\n`);
    return true;
  }
  const name = opts.string('event');
  if (name === undefined) {
    ctx.error('either --list or --event <type> is required');
    return false;
  }
  if (!NODE_DEVICE_EVENTS.includes(name)) {
    ctx.error(`unknown event type ${name}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  const device = opts.string('device');
  if (device !== undefined) await nodeDeviceByName(ctx, device);
  await ctx.conn();
  // Nothing else runs on this connection while the shell waits, so nothing can arrive.
  return waitForEvents(ctx, timeout, () => 0);
};
