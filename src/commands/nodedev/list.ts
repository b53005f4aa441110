import type { NodeDeviceHandle } from '../../core/api/handles.js';
import {
  LIST_NODE_DEVICES_ACTIVE,
  LIST_NODE_DEVICES_INACTIVE,
  NODE_DEVICE_CAP_FLAGS,
} from '../../core/api/nodedev.js';
import { ErrorCodes } from '../../core/error-codes.js';
import { VirError } from '../../core/errors.js';
import { emit } from '../json/emit.js';
import { stringToArray } from '../shell/string-array.js';
import type { CommandContext, Handler } from '../types.js';
import { treeLines } from './tree.js';

/** vshStrcasecmp order. */
const byName = (a: NodeDeviceHandle, b: NodeDeviceHandle) => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * virshNodeDeviceListCollect: the new listing call, or, when the driver lacks it, the old
 * name listing filtered by each device's capabilities.
 */
async function collect(ctx: CommandContext, caps: string[], flags: number): Promise<NodeDeviceHandle[]> {
  const conn = await ctx.conn();
  try {
    return (await conn.listAllNodeDevices(flags)).sort(byName);
  } catch (e) {
    if (!(e instanceof VirError) || e.code !== ErrorCodes.NO_SUPPORT[0]) {
      ctx.error('Failed to list node devices');
      throw e;
    }
  }
  await ctx.attempt('Failed to count node devices', () => conn.nodeNumOfDevices(undefined, 0));
  const names = await ctx.attempt('Failed to list node devices', () => conn.nodeListDevices(undefined, 0));
  const devices: NodeDeviceHandle[] = [];
  for (const name of names) {
    const dev = await conn.nodeDeviceLookupByName(name).catch(() => undefined);
    if (!dev) continue;
    if (caps.length) {
      const have = await ctx.attempt('Failed to get capability names of the device', () => conn.nodeDeviceListCaps(dev));
      if (!caps.some((c) => have.includes(c))) continue;
    }
    devices.push(dev);
  }
  return devices.sort(byName);
}

export const nodedevList: Handler = async (ctx, opts) => {
  // An empty --cap reads as no --cap at all (vshCommandOptStringQuiet); an empty field of a
  // non-empty list is an unknown capability.
  const capText = opts.stringQuiet('cap');
  const caps = capText === undefined ? [] : stringToArray(capText);
  const tree = opts.bool('tree');
  const inactive = opts.bool('inactive');
  const all = opts.bool('all');
  if (all && inactive) {
    ctx.error('Option --all is incompatible with --inactive');
    return false;
  }
  if (tree && (capText !== undefined || inactive)) {
    ctx.error('Option --tree is incompatible with --cap and --inactive');
    return false;
  }
  let flags = 0;
  for (const cap of caps) {
    if (!Object.hasOwn(NODE_DEVICE_CAP_FLAGS, cap)) {
      ctx.error('Invalid capability type');
      return false;
    }
    flags |= NODE_DEVICE_CAP_FLAGS[cap];
  }
  if (inactive || all) flags |= LIST_NODE_DEVICES_INACTIVE;
  if (!inactive) flags += LIST_NODE_DEVICES_ACTIVE;
  const devices = await collect(ctx, caps, flags >>> 0);
  const json = opts.bool('json');
  if (!tree && !json) {
    for (const d of devices) ctx.print(`${d.name}\n`);
    return true;
  }
  const conn = await ctx.conn();
  const names = devices.map((d) => d.name);
  // virsh treats 'computer' as the root whatever its parent says.
  const parents = await Promise.all(
    devices.map((d) => (d.name === 'computer' ? undefined : conn.nodeDeviceGetParent(d).catch(() => undefined))),
  );
  if (json) {
    emit(ctx, opts, names.map((name, i) => ({ name, parent: parents[i] ?? null })), () => '');
    return true;
  }
  parents.forEach((p, i) => {
    if (p === undefined) for (const line of treeLines(names, parents, i)) ctx.print(`${line}\n`);
  });
  return true;
};
