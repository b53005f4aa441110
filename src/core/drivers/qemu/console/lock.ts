// UUCP-style lock files for character devices (virchrdev.c with libvirt's Linux default
// /var/lock): they keep two processes, each with a driver of its own on the same root, from
// attaching to one pty at once.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';

const LOCK_DIR = '/var/lock';

/** virChrdevLockFilePath: /dev/pts/3 → /var/lock/LCK.._pts_3. */
export function lockFilePath(dev: string): string {
  const name = (dev.startsWith('/dev') ? dev.slice(4) : dev).replaceAll('/', '_');
  return `${LOCK_DIR}/LCK..${name}`.replace(/\/{2,}/g, '/');
}

/** virPidFileReadPathIfAlive: the pid in the file when that process still exists. */
function livePid(path: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid < 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

const unlinkQuiet = (path: string) => {
  try {
    unlinkSync(path);
  } catch {
    // Not there: nothing to clean up.
  }
};

/** virChrdevLockFileCreate: refuses a device another live process holds, else takes it. */
export function lockDevice(dev: string): void {
  const path = lockFilePath(dev);
  const holder = livePid(path);
  if (holder !== undefined)
    throw virErr('OPERATION_FAILED', `Requested device '${dev}' is locked by lock file '${path}' held by process ${holder}`);
  unlinkQuiet(path);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    // An unprivileged session may not write there: it goes without the lock, as libvirt does.
    if ((e as NodeJS.ErrnoException).code === 'EACCES' && process.geteuid?.() !== 0) return;
    throw virErr('SYSTEM_ERROR', `Couldn't create lock file for device '${dev}' in path '${path}': ${strerror(e)}`);
  }
  try {
    writeSync(fd, `${String(process.pid).padStart(10)}\n`);
  } catch (e) {
    unlinkQuiet(path);
    throw virErr('SYSTEM_ERROR', `Couldn't write to lock file for device '${dev}' in path '${path}': ${strerror(e)}`);
  } finally {
    closeSync(fd);
  }
}

/** virChrdevLockFileRemove */
export function unlockDevice(dev: string): void {
  unlinkQuiet(lockFilePath(dev));
}
