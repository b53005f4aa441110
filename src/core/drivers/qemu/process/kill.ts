// Ending a QEMU the way libvirt's virProcessKillPainfully does: SIGTERM, poll every 200 ms,
// SIGKILL after 10 s when forced, give up after 15 s (40 s when forced).
import { VirError } from '../../../errors.js';
import { ErrorCodes } from '../../../error-codes.js';
import { processAlive } from './pid.js';

const POLL_MS = 200;
const KILL_AT = 50;

function terminateError(pid: number, signame: string, reason: string): VirError {
  return new VirError(ErrorCodes.SYSTEM_ERROR[0], `Failed to terminate process ${pid} with SIG${signame}: ${reason}`);
}

/** Resolves once `pid` is gone; throws libvirt's error when it outlives the grace period. */
export async function killPainfully(pid: number, force: boolean): Promise<void> {
  const polls = force ? 200 : 75;
  let signame = 'TERM';
  for (let i = 0; i < polls; i++) {
    if (!processAlive(pid)) return;
    try {
      if (i === 0) process.kill(pid, 'SIGTERM');
      else if (i === KILL_AT && force) {
        signame = 'KILL';
        process.kill(pid, 'SIGKILL');
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw terminateError(pid, signame, (e as Error).message);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  if (processAlive(pid)) throw terminateError(pid, signame, 'Device or resource busy');
}

/**
 * Polls until `pid` is gone (a QEMU this process did not start gives no exit event). The
 * timers are unref'd: watching a guest must not keep a short virsh-ts command from exiting.
 */
export async function waitForExit(pid: number): Promise<void> {
  while (processAlive(pid)) await new Promise((r) => setTimeout(r, 100).unref());
}
