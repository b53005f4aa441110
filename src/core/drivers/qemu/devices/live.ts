import { unsupported } from '../../../errors.js';
import type { DeviceDef } from '../../../xml/domain/index.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';

/**
 * The running-guest half of the device calls (qemuDomainAttachDeviceLive,
 * qemuDomainDetachDeviceLive, qemuDomainUpdateDeviceLive). Not implemented yet, so a running
 * guest refuses explicitly; an inactive one never gets here (LIVE on it fails with "domain is
 * not running" before any parsing, as libvirt orders it). What it takes: the device's alias
 * and address in obj.def (qemuAssignDeviceAliases, the PCI set of the running guest), the
 * backend and frontend through QMP (blockdev-add + device_add for disks, netdev_add + a tap
 * for NICs, chardev-add…), obj.def updated and the status XML saved (qemuDomainSaveStatus);
 * detach sends device_del and waits for DEVICE_DELETED (or reports "detach request sent");
 * update covers media change (blockdev-change-medium / eject), NIC link state and
 * bandwidth, graphics passwords. ops.ts already runs the config half first and saves the
 * config only after this succeeds, so LIVE|CONFIG keeps libvirt's ordering.
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
