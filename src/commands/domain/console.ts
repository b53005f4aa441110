import type { Connection } from '../../core/api/connection.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import type { CommandContext } from '../types.js';
import { consoleBanner, consoleSession } from './console-session.js';

const SHUTOFF = 5;

/**
 * cmdRunConsole, as start --console and create --console use it: the domain must be running
 * and standard input a terminal before virsh attaches (it says why not, and returns false).
 */
export async function runConsole(ctx: CommandContext, conn: Connection, dom: DomainHandle, devName: string | null = null, flags = 0): Promise<boolean> {
  let state: number;
  try {
    state = (await conn.domainGetState(dom, 0)).state;
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ctx.error('Unable to get domain status');
    return false;
  }
  if (state === SHUTOFF) {
    ctx.error('The domain is not running');
    return false;
  }
  if (!process.stdin.isTTY) {
    ctx.error('Cannot run interactive console without a controlling TTY');
    return false;
  }
  ctx.printExtra(consoleBanner(dom.name, ctx.shell.escapeChar));
  await consoleSession(conn, dom, devName, flags, ctx.shell.escapeChar);
  return true;
}
