// qemu:///system inside the daemon: one QEMU driver for the daemon's lifetime, shared by every
// connection, its state in libvirt's system directories (under $VIRTD_TS_QEMU_ROOT when set,
// for tests). As libvirtd does at start (qemuStateInitialize), guests left running by an
// earlier daemon are taken over and autostart domains started, the first time since boot;
// while any guest runs the driver inhibits the daemon's idle exit (-t).
import { readdirSync } from 'node:fs';
import { driverShouldAutostart } from '../core/drivers/autostart-marker.js';
import { systemPaths, type QemuPaths } from '../core/drivers/qemu/config/paths.js';
import type { QemuDriver } from '../core/drivers/qemu/driver.js';

/** Moves qemu:///system's directories (/etc/libvirt/qemu, /var/lib/libvirt/qemu, …) under a prefix. */
export const QEMU_ROOT_ENV = 'VIRTD_TS_QEMU_ROOT';

export interface QemuSystemHooks {
  /** virStateInhibitCallback: true when the first guest runs, false when the last one stopped. */
  inhibit(on: boolean): void;
  /** An error libvirtd would log (function:line, message). */
  log(where: string, message: string): void;
}

const hasXml = (dir: string): boolean => {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.xml'));
  } catch {
    return false;
  }
};

export class QemuSystem {
  private driver?: Promise<QemuDriver>;
  private initialized: Promise<void> = Promise.resolve();

  constructor(private readonly hooks: QemuSystemHooks) {}

  private paths(): QemuPaths {
    return systemPaths(process.env[QEMU_ROOT_ENV] ?? '');
  }

  /**
   * Daemon start. The driver itself is loaded only when there is work for it now (guests to
   * take over, domains to autostart): otherwise loading it at the first connection is the same.
   */
  initialize(privileged: boolean): Promise<void> {
    // An unprivileged daemon has no system driver (and no right to its directories).
    if (!privileged && process.env[QEMU_ROOT_ENV] === undefined) return this.initialized;
    this.initialized = (async () => {
      const paths = this.paths();
      let autostart = false;
      try {
        autostart = driverShouldAutostart(paths.stateDir);
      } catch (e) {
        this.hooks.log('virDriverShouldAutostart:101', (e as Error).message);
      }
      if (!hasXml(paths.stateDir) && !(autostart && hasXml(paths.autostartDir))) return;
      try {
        const drv = await this.open();
        if (!autostart) return;
        const { autostartDomains } = await import('../core/drivers/qemu/lifecycle/autostart.js');
        await autostartDomains(drv, (err) => this.hooks.log('qemuAutostartDomain:197', err.message));
      } catch (e) {
        this.hooks.log('qemuStateInitialize', (e as Error).message);
      }
    })();
    return this.initialized;
  }

  /** The driver, opened once; connections wait for the daemon's start-up work to finish. */
  async connect(): Promise<QemuDriver> {
    await this.initialized;
    return this.open();
  }

  private open(): Promise<QemuDriver> {
    this.driver ??= import('../core/drivers/qemu/index.js').then(async ({ driverFor }) => {
      const drv = await driverFor(this.paths());
      drv.setInhibitCallback((on) => this.hooks.inhibit(on));
      return drv;
    });
    this.driver.catch(() => (this.driver = undefined));
    return this.driver;
  }
}
