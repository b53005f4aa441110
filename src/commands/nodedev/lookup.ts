import type { NodeDeviceHandle } from '../../core/api/handles.js';
import { virErr } from '../../core/errors.js';
import type { CommandContext } from '../types.js';

/** virValidateWWN: 16 hex digits, optionally with a 0x prefix. */
function checkWwn(wwn: string): void {
  const body = wwn.startsWith('0x') ? wwn.slice(2) : wwn;
  if (!/^[0-9a-fA-F]{16}$/.test(body)) throw virErr('INTERNAL_ERROR', `Malformed wwn: ${wwn}`);
}

/**
 * virsh's vshFindNodeDevice: `WWNN,WWPN` finds a SCSI host by its names, anything else is a
 * device name. On failure reports `Could not find matching device` before the cause.
 */
export async function findNodeDevice(ctx: CommandContext, value: string): Promise<NodeDeviceHandle | undefined> {
  const conn = await ctx.conn();
  if (value.includes(',')) {
    const parts = value.split(',');
    if (parts.length !== 2) {
      ctx.error(`Malformed device value '${value}'`);
      return undefined;
    }
    parts.forEach(checkWwn);
    return ctx.attempt(`Could not find matching device '${value}'`, () =>
      conn.nodeDeviceLookupSCSIHostByWWN(parts[0], parts[1], 0),
    );
  }
  return ctx.attempt(`Could not find matching device '${value}'`, () => conn.nodeDeviceLookupByName(value));
}

/** Lookup by name only, as nodedev-detach/reattach/reset/start do. */
export async function nodeDeviceByName(ctx: CommandContext, name: string): Promise<NodeDeviceHandle> {
  const conn = await ctx.conn();
  return ctx.attempt(`Could not find matching device '${name}'`, () => conn.nodeDeviceLookupByName(name));
}
