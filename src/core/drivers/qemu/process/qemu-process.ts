// A running guest's QEMU as the driver holds it: its pid, its monitor and its files. It may
// have been started by this process or by an earlier one (see reconnect.ts); either way the
// guest outlives the Node process that holds this object.
import { rmSync } from 'node:fs';
import type { QmpClient } from '../qmp/client.js';
import { killPainfully, waitForExit } from './kill.js';
import { logEvent } from './log.js';
import { processAlive } from './pid.js';
import type { QemuPaths } from './paths.js';

export class QemuProcess {
  /** Settles once QEMU has exited. */
  readonly exited: Promise<void>;

  constructor(
    readonly pid: number,
    readonly paths: QemuPaths,
    readonly qmp: QmpClient,
    exited?: Promise<void>,
  ) {
    this.exited = exited ?? waitForExit(pid);
  }

  get alive(): boolean {
    return processAlive(this.pid);
  }

  /**
   * Ends QEMU (SIGTERM, then SIGKILL after 10 s when `force`) as libvirt's qemuProcessKill
   * does; with `nowait` only sends SIGTERM, as libvirt does after a guest shutdown.
   */
  async kill(options: { force?: boolean; nowait?: boolean } = {}): Promise<void> {
    if (options.nowait) {
      if (this.alive) process.kill(this.pid, 'SIGTERM');
      return;
    }
    await killPainfully(this.pid, options.force ?? true);
  }

  /** Kills QEMU if still running, closes the monitor, logs why and removes the runtime files. */
  async stop(reason: string): Promise<void> {
    this.qmp.close();
    if (this.alive) await this.kill({ force: true });
    logEvent(this.paths.log, `shutting down, reason=${reason}`);
    removeRuntimeFiles(this.paths);
  }
}

/** The pid file and the private directory (monitor socket included); the log stays, as libvirt's. */
export function removeRuntimeFiles(paths: QemuPaths): void {
  rmSync(paths.pidfile, { force: true });
  rmSync(paths.domainDir, { recursive: true, force: true });
}

/**
 * libvirt's policy for a guest run with -no-shutdown: when the guest powers off (SHUTDOWN
 * event) QEMU stays paused, and the driver ends it. Returns the function that stops watching.
 */
export function terminateOnGuestShutdown(proc: QemuProcess): () => void {
  const onEvent = (e: { event: string }) => {
    if (e.event === 'SHUTDOWN') void proc.kill({ nowait: true });
  };
  proc.qmp.on('event', onEvent);
  return () => proc.qmp.off('event', onEvent);
}
