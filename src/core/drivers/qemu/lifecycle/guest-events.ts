// What the driver does when QEMU reports on its own (qemuProcessHandle*): the guest powered
// off, paused or resumed outside an API call, or QEMU went away.
import { DomainState, PausedReason, RunningReason, ShutdownReason, ShutoffReason } from '../../../api/domain.js';
import { DomainLifecycle, LifecycleDetail } from '../../../api/events.js';
import type { QemuDriver } from '../driver.js';
import { emitLifecycle, emitReboot } from '../events/index.js';
import type { QemuDomainObj } from '../domain/obj.js';
import type { QemuProcess } from '../process/index.js';
import { emitQemuMonitorEvent } from '../monitor/qmp-events.js';
import { saveStatus } from './status.js';
import { stopDomain } from './stop.js';
import { watchUnplugs } from '../devices/live/unplug.js';

/** Watches `proc` for as long as it is the domain's QEMU. */
export function watchGuest(drv: QemuDriver, obj: QemuDomainObj, proc: QemuProcess): void {
  const ours = () => obj.proc === proc;
  // A power-off about to become a reset (priv->pausedShutdown): its STOP and RESUME are no
  // change of state anyone is told about.
  let pausedShutdown = false;
  watchUnplugs(drv, obj, proc);
  proc.qmp.on('event', (e) => {
    // qemuMonitorEmitEvent: every event reaches the monitor event callbacks first.
    if (ours()) emitQemuMonitorEvent(drv, obj, e);
    // A destroy's SIGTERM makes QEMU report a host-requested SHUTDOWN: libvirt handles it only
    // once the domain is stopped, and ignores it then.
    if (!ours() || obj.beingDestroyed) return;
    if (e.event === 'SHUTDOWN') {
      pausedShutdown = !!obj.fakeReboot || obj.def.onPoweroff === 'restart';
      void guestPoweredOff(drv, obj, shutdownDetail(e.data?.guest));
    } else if (e.event === 'STOP' && obj.state === DomainState.RUNNING) {
      obj.state = DomainState.PAUSED;
      obj.reason = obj.fakeReboot ? PausedReason.SHUTTING_DOWN : PausedReason.UNKNOWN;
      saveStatus(drv.paths, obj);
      if (!pausedShutdown) emitLifecycle(drv, obj, DomainLifecycle.SUSPENDED, LifecycleDetail.SUSPENDED_PAUSED);
    } else if (e.event === 'RESUME') {
      const announce = !pausedShutdown && obj.state !== DomainState.RUNNING;
      pausedShutdown = false;
      if (obj.state === DomainState.PAUSED) {
        obj.state = DomainState.RUNNING;
        obj.reason = RunningReason.UNPAUSED;
        saveStatus(drv.paths, obj);
      }
      if (announce) emitLifecycle(drv, obj, DomainLifecycle.RESUMED, LifecycleDetail.RESUMED_UNPAUSED);
    } else if (e.event === 'RESET' && !(obj.state === DomainState.PAUSED && obj.reason === PausedReason.STARTING_UP)) {
      // qemuProcessHandleReset: resets libvirt itself makes while starting are not reboots.
      emitReboot(drv, obj);
    }
  });
  // A monitor that closes without a SHUTDOWN first means QEMU died (processMonitorEOFEvent);
  // a destroy in progress reports its own stop.
  proc.qmp.once('eof', () => {
    if (!ours() || obj.beingDestroyed) return;
    const shutdown = obj.state === DomainState.SHUTDOWN;
    emitLifecycle(drv, obj, DomainLifecycle.STOPPED, shutdown ? LifecycleDetail.STOPPED_SHUTDOWN : LifecycleDetail.STOPPED_FAILED);
    void stopDomain(drv, obj, shutdown ? ShutoffReason.SHUTDOWN : ShutoffReason.CRASHED);
  });
}

/** The SHUTDOWN event's `guest` flag as the lifecycle event's detail. */
function shutdownDetail(guest: unknown): number {
  if (guest === true) return LifecycleDetail.SHUTDOWN_GUEST;
  if (guest === false) return LifecycleDetail.SHUTDOWN_HOST;
  return LifecycleDetail.SHUTDOWN_FINISHED;
}

/**
 * The guest powered off (QEMU runs with -no-shutdown, so it waits paused): a pending ACPI
 * reboot or on_poweroff='restart' resets and continues it, anything else ends QEMU, whose
 * monitor then closes and the domain stops with reason shutdown.
 */
export async function guestPoweredOff(drv: QemuDriver, obj: QemuDomainObj, detail: number = LifecycleDetail.SHUTDOWN_FINISHED): Promise<void> {
  const proc = obj.proc;
  if (!proc || obj.state === DomainState.SHUTDOWN) return;
  if (obj.fakeReboot || obj.def.onPoweroff === 'restart') {
    await proc.qmp.execute('system_reset');
    await proc.qmp.execute('cont');
    obj.state = DomainState.RUNNING;
    obj.reason = RunningReason.BOOTED;
    obj.fakeReboot = false;
    saveStatus(drv.paths, obj);
    return;
  }
  obj.state = DomainState.SHUTDOWN;
  obj.reason = ShutdownReason.UNKNOWN;
  saveStatus(drv.paths, obj);
  emitLifecycle(drv, obj, DomainLifecycle.SHUTDOWN, detail);
  await proc.kill({ nowait: true });
}
