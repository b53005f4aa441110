import { ShellError } from '../shell/errors.js';
import type { CommandContext } from '../types.js';

/**
 * Reads an option (mostly numeric) whose failure virsh reports twice: the option's own message, then
 * the command's (e.g. "Unable to parse integer parameter"), then any libvirt cause.
 * Returns null after reporting, so the handler can fail.
 */
export function numOpt<T>(ctx: CommandContext, read: () => T, extra: string): T | null {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    ctx.error(e.message);
    ctx.error(extra);
    if (e.libvirtError) throw e.libvirtError;
    return null;
  }
}
