// What the driver does when QEMU reports on its own (qemuProcessHandle*): the guest powered
// off, paused or resumed outside an API call, or QEMU went away.
import { DomainState, PausedReason, RunningReason, ShutdownReason, ShutoffReason } from '../../../api/domain.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import type { QemuProcess } from '../process/index.js';
import { saveStatus } from './status.js';
import { stopDomain } from './stop.js';

/** Watches `proc` for as long as it is the domain's QEMU. */
export function watchGuest(drv: QemuDriver, obj: QemuDomainObj, proc: QemuProcess): void {
  const ours = () => obj.proc === proc;
  proc.qmp.on('event', (e) => {
    if (!ours()) return;
    if (e.event === 'SHUTDOWN') void guestPoweredOff(drv, obj);
    else if (e.event === 'STOP' && obj.state === DomainState.RUNNING) {
      obj.state = DomainState.PAUSED;
      obj.reason = obj.fakeReboot ? PausedReason.SHUTTING_DOWN : PausedReason.UNKNOWN;
      saveStatus(drv.paths, obj);
    } else if (e.event === 'RESUME' && obj.state === DomainState.PAUSED) {
      obj.state = DomainState.RUNNING;
      obj.reason = RunningReason.UNPAUSED;
      saveStatus(drv.paths, obj);
    }
  });
  // A monitor that closes without a SHUTDOWN first means QEMU died (processMonitorEOFEvent).
  proc.qmp.once('eof', () => {
    if (!ours()) return;
    void stopDomain(drv, obj, obj.state === DomainState.SHUTDOWN ? ShutoffReason.SHUTDOWN : ShutoffReason.CRASHED);
  });
}

/**
 * The guest powered off (QEMU runs with -no-shutdown, so it waits paused): a pending ACPI
 * reboot or on_poweroff='restart' resets and continues it, anything else ends QEMU, whose
 * monitor then closes and the domain stops with reason shutdown.
 */
export async function guestPoweredOff(drv: QemuDriver, obj: QemuDomainObj): Promise<void> {
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
  await proc.kill({ nowait: true });
}
