import type { InterfaceHandle } from '../../core/api/handles.js';
import { parseMAC } from '../../core/xml/ids.js';
import type { CommandContext, CommandOptions } from '../types.js';

export interface By {
  name: boolean;
  mac: boolean;
}
export const BY_ANY: By = { name: true, mac: true };

/**
 * virshCommandOptInterfaceBy: a value that reads as a MAC address is looked up by MAC,
 * anything else by name, each only where allowed. On failure prints "failed to get
 * interface" and rethrows libvirt's error, if a lookup was tried.
 */
export async function optInterface(
  ctx: CommandContext,
  opts: CommandOptions,
  by: By = BY_ANY,
  opt = 'interface',
): Promise<InterfaceHandle | undefined> {
  const conn = await ctx.conn();
  const n = opts.requiredString(opt);
  ctx.debug(1, `${ctx.command}: found option <${opt}>: ${n}\n`);
  const isMac = parseMAC(n) !== undefined;
  let lookup: Promise<InterfaceHandle> | undefined;
  if (!isMac && by.name) {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as interface NAME\n`);
    lookup = conn.interfaceLookupByName(n);
  } else if (isMac && by.mac) {
    ctx.debug(0, `${ctx.command}: <${opt}> trying as interface MAC\n`);
    lookup = conn.interfaceLookupByMACString(n);
  }
  if (lookup) return ctx.attempt(`failed to get interface '${n}'`, () => lookup!);
  ctx.error(`failed to get interface '${n}'`);
  return undefined;
}
