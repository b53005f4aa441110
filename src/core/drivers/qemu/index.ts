import { hostname } from 'node:os';
import type { Connection } from '../../api/connection.js';
import { virErr } from '../../errors.js';
import { embedPaths, type QemuPaths } from './config/paths.js';
import { capsOps } from './caps/ops.js';
import { domainOps } from './domain/ops.js';
import { lifecycleOps } from './lifecycle/ops.js';
import { snapshotOps } from './snapshot/ops.js';
import { saveOps } from './save/ops.js';
import { deviceOps } from './devices/ops.js';
import { monitorOps } from './monitor/ops.js';
import { QemuDriver } from './driver.js';
import { eventOps } from './events/index.js';
import { consoleOps } from './console/index.js';
import { domainXMLFromNative, domainXMLToNative } from './command/index.js';

export { embedPaths, systemPaths, type QemuPaths } from './config/paths.js';
export { QemuDriver } from './driver.js';

/** libvirt 9.0.0, the library this driver stands in for. */
const LIB_VERSION = 9_000_000;

/**
 * The embedded drivers of this process by root: libvirt keeps one driver per root for the
 * process' lifetime (a second open of the same root shares it).
 */
const drivers = new Map<string, Promise<QemuDriver>>();

export function driverFor(paths: QemuPaths): Promise<QemuDriver> {
  let d = drivers.get(paths.configDir);
  if (!d) {
    d = QemuDriver.open(paths);
    drivers.set(paths.configDir, d);
    d.catch(() => drivers.delete(paths.configDir));
  }
  return d;
}

/** A Connection on a driver; calls the driver lacks answer libvirt's "not supported" error. */
export function connectionForDriver(drv: QemuDriver): Connection {
  const host: Partial<Connection> = {
    async close() {},
    // An in-process driver never drops the connection by itself: nothing to call back.
    async connectRegisterCloseCallback() {},
    async connectUnregisterCloseCallback() {},
    async getHostname() {
      return hostname();
    },
    async getURI() {
      return drv.paths.uri;
    },
    async getType() {
      return 'QEMU';
    },
    async getVersion() {
      const guests = await drv.caps.guests();
      if (!guests.length) throw virErr('INTERNAL_ERROR', 'Cannot find suitable emulator for x86_64');
      return guests[guests.length - 1].probe.version;
    },
    async getLibVersion() {
      return LIB_VERSION;
    },
    async getCapabilities() {
      return drv.caps.capabilitiesXML();
    },
    // domxml-to-native / domxml-from-native: the command line layer (command/) owns both.
    async connectDomainXMLToNative(format, xml, flags) {
      const ctx = { libDir: drv.paths.libDir, privileged: process.getuid?.() === 0, env: process.env, parse: (x: string) => drv.parse(x) };
      return domainXMLToNative(ctx, format, xml, flags);
    },
    async connectDomainXMLFromNative() {
      return domainXMLFromNative();
    },
  };
  return { ...host, ...capsOps(drv), ...domainOps(drv), ...lifecycleOps(drv), ...deviceOps(drv), ...snapshotOps(drv), ...saveOps(drv), ...monitorOps(drv), ...eventOps(drv), ...consoleOps(drv) } as Connection;
}

/** qemu:///embed?root=DIR in this process. */
export async function openQemuEmbed(root: string): Promise<Connection> {
  return connectionForDriver(await driverFor(embedPaths(root)));
}
