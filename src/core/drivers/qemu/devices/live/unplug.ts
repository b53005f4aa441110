// Unplugging a device from a running guest (qemuDomainDeleteDevice + qemuDomainWaitForDeviceRemoval):
// device_del asks the guest to let go, and QEMU's DEVICE_DELETED says it did. A removal nobody
// waits for (the wait ran out, or detach-device-alias's asynchronous request) is finished when
// the event comes (qemuProcessHandleDeviceDeleted), or by the next takeover (takeover.ts).
import type { QemuDriver } from '../../driver.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import type { QemuProcess } from '../../process/index.js';
import type { QmpEvent } from '../../qmp/index.js';
import { QmpCommandError } from '../../qmp/index.js';
import { saveStatus } from '../../lifecycle/status.js';
import { removeDevice } from './remove.js';

/** QEMU_UNPLUG_TIMEOUT: how long libvirt waits for the guest before leaving the removal pending. */
const UNPLUG_TIMEOUT_MS = 5000;

/** The alias a detach call is waiting for, per guest (priv->unplug.alias). */
const awaited = new WeakMap<QemuDomainObj, string>();

/**
 * Whether the device is gone: true once DEVICE_DELETED names it, or when QEMU no longer knows
 * the alias (libvirt then finishes the removal itself); false when the guest has not answered
 * in time (or `wait` is false), which libvirt reports as success with the device left in the
 * live definition until the event comes.
 */
export async function unplugDevice(obj: QemuDomainObj, alias: string, wait: boolean): Promise<boolean> {
  const qmp = obj.proc!.qmp;
  // Listening first: the event can come before device_del's reply.
  let deleted = false;
  let wake: (() => void) | undefined;
  const onEvent = (e: QmpEvent) => {
    if (e.event !== 'DEVICE_DELETED' || e.data?.device !== alias) return;
    deleted = true;
    wake?.();
  };
  if (wait) {
    awaited.set(obj, alias);
    qmp.on('event', onEvent);
  }
  try {
    try {
      await qmp.execute('device_del', { id: alias });
    } catch (err) {
      if (err instanceof QmpCommandError && err.qmpClass === 'DeviceNotFound') return true;
      throw err;
    }
    if (wait && !deleted) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, UNPLUG_TIMEOUT_MS);
      });
      clearTimeout(timer);
    }
    return deleted;
  } finally {
    qmp.off('event', onEvent);
    if (wait) awaited.delete(obj);
  }
}

/** DEVICE_DELETED for a device no call waits for: its removal is finished here. */
export function watchUnplugs(drv: QemuDriver, obj: QemuDomainObj, proc: QemuProcess): void {
  proc.qmp.on('event', (e: QmpEvent) => {
    const alias = e.data?.device;
    if (e.event !== 'DEVICE_DELETED' || typeof alias !== 'string' || obj.proc !== proc || awaited.get(obj) === alias) return;
    const dev = obj.def.devices.find((d) => (d.kind === 'disk' || d.kind === 'interface') && d.info.alias === alias);
    if (!dev) return;
    void removeDevice(drv, obj, dev).then(
      () => saveStatus(drv.paths, obj),
      () => undefined,
    );
  });
}
