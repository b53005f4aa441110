import { unsupported } from '../../../errors.js';
import type { DeviceDef } from '../../../xml/domain/index.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';

/**
 * The running-guest half of the device calls (qemuDomainAttachDeviceLive,
 * qemuDomainDetachDeviceLive, qemuDomainUpdateDeviceLive): hotplug through the guest's QMP
 * monitor, then the live definition updated and the status file saved. Not implemented yet,
 * so a running guest refuses explicitly; an inactive one never gets here (LIVE on it fails
 * with "domain is not running" before any parsing, as libvirt orders it).
 *
 * `dev` was parsed against obj.def (the live definition); for attach with CONFIG too it
 * carries the config copy's generated MAC, as qemuDomainAttachDeviceLiveAndConfigHomogenize
 * leaves it.
 */
export interface LiveDevicePath {
  attach(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef): Promise<void>;
  detach(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef): Promise<void>;
  update(drv: QemuDriver, obj: QemuDomainObj, dev: DeviceDef, force: boolean): Promise<void>;
}

export const livePath: LiveDevicePath = {
  async attach() {
    throw unsupported('virDomainAttachDeviceFlags');
  },
  async detach() {
    throw unsupported('virDomainDetachDeviceFlags');
  },
  async update() {
    throw unsupported('virDomainUpdateDeviceFlags');
  },
};
