// Starting a guest's QEMU so that it outlives the process that starts it, as libvirt does:
// in its own session (setsid), stdio into the guest's log, paused (-S) until the monitor is
// connected, with the pid file written for it (by QEMU itself for a bare command line); then
// `cont` unless the caller wants it paused.
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { QmpClient } from '../qmp/client.js';
import { inheritableFds, stdioClosing } from './fds.js';
import { logEvent, openLogForStart, readLogTail } from './log.js';
import type { QemuPaths } from './paths.js';
import { isGuestQemu, processAlive, readPidFile } from './pid.js';
import { QemuProcess, removeRuntimeFiles } from './qemu-process.js';
import { withPreparedFds, type ListenSocket, type TapAttach } from './prepared-fds.js';
import { withPassedFiles, type PassedFile } from './passed-fds.js';

export const DEFAULT_QEMU_BINARY = '/usr/bin/qemu-system-x86_64';
const MONITOR_WAIT_MS = 30_000;
const RETRY_MS = 50;

export interface LaunchOptions {
  paths: QemuPaths;
  /** The guest's own arguments; launch adds -S, the monitor and the pid file. */
  args: string[];
  binary?: string;
  /**
   * The driver's whole command line: `args` already hold -S and the monitor, and `env` is
   * QEMU's environment; launch writes the pid file itself, as libvirt does.
   */
  command?: { env: Record<string, string> };
  /** Leave the guest paused after start-up (libvirt's start --paused, incoming migration). */
  paused?: boolean;
  /** TAP devices QEMU gets as descriptors (the numbers the command line names). */
  taps?: TapAttach[];
  /** UNIX sockets QEMU gets listening, as descriptors (the monitor's and channels'). */
  sockets?: ListenSocket[];
  /** Files this process opened that QEMU gets at the numbers the command line names. */
  files?: PassedFile[];
}

/** QEMU's environment as libvirt sets it: C locale, and HOME and XDG dirs in the private directory. */
function qemuEnv(paths: QemuPaths): Record<string, string> {
  return {
    LC_ALL: 'C',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: paths.domainDir,
    XDG_DATA_HOME: `${paths.domainDir}/.local/share`,
    XDG_CACHE_HOME: `${paths.domainDir}/.cache`,
    XDG_CONFIG_HOME: `${paths.domainDir}/.config`,
  };
}

function processArgs(paths: QemuPaths, args: string[]): string[] {
  return [
    '-S',
    ...args,
    '-chardev',
    `socket,id=charmonitor,path=${paths.monitor},server=on,wait=off`,
    '-mon',
    'chardev=charmonitor,id=monitor,mode=control',
    '-pidfile',
    paths.pidfile,
  ];
}

function binaryError(binary: string, cause: unknown) {
  return virErr('SYSTEM_ERROR', `Cannot check QEMU binary ${binary}: ${strerror(cause)}`, 'QEMU');
}

/** libvirt's report of a QEMU that died during start-up: its prefix and the log's tail. */
function startupError(paths: QemuPaths, logOffset: number) {
  const tail = readLogTail(paths.log, logOffset);
  const prefix = 'qemu unexpectedly closed the monitor';
  return virErr('INTERNAL_ERROR', tail ? `${prefix}: ${tail}` : prefix, 'QEMU');
}

export async function launchQemu(options: LaunchOptions): Promise<QemuProcess> {
  const { paths } = options;
  const binary = options.binary ?? DEFAULT_QEMU_BINARY;
  const args = options.command ? options.args : processArgs(paths, options.args);
  const env = options.command?.env ?? qemuEnv(paths);
  // Checked before anything is made, so a missing QEMU leaves nothing behind (libvirt checks
  // the binary when it probes its capabilities, with this message).
  try {
    accessSync(binary, constants.X_OK);
  } catch (err) {
    throw binaryError(binary, err);
  }
  // The pid file is per name: a live QEMU named in it is this guest's, whatever its id.
  const running = readPidFile(paths.pidfile);
  if (running !== undefined && processAlive(running) && isGuestQemu(running, paths)) {
    throw virErr('OPERATION_INVALID', 'domain is already running');
  }
  for (const dir of [paths.domainDir, dirname(paths.pidfile), dirname(paths.log)]) mkdirSync(dir, { recursive: true, mode: 0o750 });
  // Left over from a guest that died without clean-up; QEMU would read neither.
  rmSync(paths.pidfile, { force: true });
  rmSync(paths.monitor, { force: true });
  const log = openLogForStart(paths.log, env, binary, args);

  // node:child_process rather than execa: QEMU's stdout and stderr must be the log file's own
  // descriptor, so no pipe ties QEMU to this process (it would take SIGPIPE once we are gone).
  // execa's `{file}` target pipes through this process, and its types refuse a descriptor
  // number held in a variable. `detached` puts QEMU in its own session (setsid), and unref()
  // lets this process exit while the guest runs on.
  const devNull = openSync('/dev/null', 'r');
  const stdio = withPassedFiles(stdioClosing(log.fd, log.fd, devNull, inheritableFds()), options.files ?? []);
  const [program, programArgs] = withPreparedFds(options.taps ?? [], options.sockets ?? [], binary, args);
  const child = spawn(program, programArgs, { env, detached: true, stdio });
  closeSync(log.fd);
  closeSync(devNull);
  let exited = false;
  let spawnError: unknown;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (err) => {
      spawnError = err;
      resolve();
    });
  }).then(() => {
    exited = true;
  });
  child.unref();

  const fail = async (err: Error, qmp?: QmpClient): Promise<never> => {
    qmp?.close();
    if (!exited && child.pid !== undefined) {
      child.kill('SIGKILL');
      await exitedPromise;
    }
    logEvent(paths.log, 'shutting down, reason=failed');
    removeRuntimeFiles(paths);
    throw err;
  };

  if (child.pid === undefined) {
    await exitedPromise;
    return fail(binaryError(binary, spawnError));
  }
  if (options.command) writeFileSync(paths.pidfile, String(child.pid), { mode: 0o644 });

  const qmp = await connectMonitor(paths, () => exited);
  if (!qmp) {
    return fail(exited ? startupError(paths, log.offset) : virErr('INTERNAL_ERROR', 'monitor socket did not show up', 'QEMU'));
  }
  const pid = readPidFile(paths.pidfile);
  if (pid !== child.pid) {
    return fail(virErr('INTERNAL_ERROR', `Domain ${paths.name} didn't show up`, 'QEMU'), qmp);
  }
  if (!options.paused) {
    try {
      await qmp.execute('cont');
    } catch (err) {
      return fail(exited ? startupError(paths, log.offset) : (err as Error), qmp);
    }
  }
  return new QemuProcess(pid, paths, qmp, exitedPromise);
}

/**
 * Connects to the monitor as soon as QEMU has created it; undefined when QEMU exits first or
 * the socket does not answer within 30 s.
 */
async function connectMonitor(paths: QemuPaths, exited: () => boolean): Promise<QmpClient | undefined> {
  const deadline = Date.now() + MONITOR_WAIT_MS;
  while (!exited() && Date.now() < deadline) {
    try {
      return await QmpClient.connect(paths.monitor, { vmName: paths.name, timeoutMs: deadline - Date.now() });
    } catch {
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
  return undefined;
}
