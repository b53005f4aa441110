// Unplugging a device from a running guest (qemuDomainDeleteDevice + qemuDomainWaitForDeviceRemoval):
// device_del asks the guest to let go, and QEMU's DEVICE_DELETED says it did.
import type { QmpClient, QmpEvent } from '../../qmp/index.js';
import { QmpCommandError } from '../../qmp/index.js';

/** QEMU_UNPLUG_TIMEOUT: how long libvirt waits for the guest before leaving the removal pending. */
const UNPLUG_TIMEOUT_MS = 5000;

/**
 * Whether the device is gone: true once DEVICE_DELETED names it, or when QEMU no longer knows
 * the alias (libvirt then finishes the removal itself); false when the guest has not answered
 * in time, which libvirt reports as success with the device left in the live definition until
 * the event comes.
 */
export async function unplugDevice(qmp: QmpClient, alias: string): Promise<boolean> {
  // Listening first: the event can come before device_del's reply.
  const deleted = qmp
    .waitForEvent('DEVICE_DELETED', UNPLUG_TIMEOUT_MS, (e: QmpEvent) => e.data?.device === alias)
    .then(
      () => true,
      () => false,
    );
  try {
    await qmp.execute('device_del', { id: alias });
  } catch (err) {
    if (err instanceof QmpCommandError && err.qmpClass === 'DeviceNotFound') return true;
    throw err;
  }
  return deleted;
}
