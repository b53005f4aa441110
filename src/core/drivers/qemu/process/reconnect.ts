// Taking over a guest started by another process (an earlier virsh-ts, now gone): the pid
// file names the process, /proc proves it is this guest's QEMU, and the monitor is reopened.
import { virErr } from '../../../errors.js';
import { QmpClient } from '../qmp/client.js';
import { findQemuPaths, type DriverDirs, type QemuPaths } from './paths.js';
import { isGuestQemu, processAlive, readPidFile } from './pid.js';
import { QemuProcess } from './qemu-process.js';

/** The pid of the guest's live QEMU, or undefined when none runs (stale or missing pid file). */
export function runningQemuPid(paths: QemuPaths): number | undefined {
  const pid = readPidFile(paths.pidfile);
  if (pid === undefined || !processAlive(pid) || !isGuestQemu(pid, paths)) return undefined;
  return pid;
}

/** Reconnects to the guest's QEMU; throws when it no longer runs. */
export async function reconnectQemu(paths: QemuPaths): Promise<QemuProcess> {
  const pid = runningQemuPid(paths);
  if (pid === undefined) throw virErr('OPERATION_FAILED', `no running QEMU for domain '${paths.name}'`, 'QEMU');
  const qmp = await QmpClient.connect(paths.monitor, { vmName: paths.name });
  return new QemuProcess(pid, paths, qmp);
}

/** The same, finding the guest's files by its name. */
export async function reconnectQemuByName(dirs: DriverDirs, name: string): Promise<QemuProcess> {
  const paths = findQemuPaths(dirs, name);
  if (!paths) throw virErr('OPERATION_FAILED', `no running QEMU for domain '${name}'`, 'QEMU');
  return reconnectQemu(paths);
}
