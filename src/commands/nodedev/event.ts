import type { Handler } from '../types.js';
import { NODE_DEVICE_EVENTS } from '../events/names.js';
import { EventLoop, timeoutMs } from '../events/wait.js';
import { nodeDeviceByName } from './lookup.js';

/** virshNodeDeviceEventLifecycleType names. */
const LIFECYCLE = ['Created', 'Deleted', 'Defined', 'Undefined'];

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
  const eventID = NODE_DEVICE_EVENTS.indexOf(name);
  if (eventID < 0) {
    ctx.error(`unknown event type ${name}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  const device = opts.string('device');
  const dev = device !== undefined ? await nodeDeviceByName(ctx, device) : undefined;
  const conn = await ctx.conn();
  const loop = new EventLoop(ctx, opts.bool('loop'), opts.bool('timestamp'));
  const id = await conn.connectNodeDeviceEventRegisterAny(dev, eventID, (ev) =>
    loop.print(
      ev.eventID === 0
        ? `event 'lifecycle' for node device ${ev.dev.name}: ${LIFECYCLE[ev.event ?? -1] ?? 'unknown'}\n`
        : `event '${NODE_DEVICE_EVENTS[ev.eventID]}' for node device ${ev.dev.name}\n`,
    ),
  );
  try {
    return await loop.wait(timeout);
  } finally {
    await conn.connectNodeDeviceEventDeregisterAny(id);
  }
};
