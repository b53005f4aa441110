import type { Connection } from '../core/api/connection.js';
import { publicApi } from '../core/api/public/index.js';
import { loadTestNode, connectionForNode } from '../core/drivers/test/index.js';
import { virErr } from '../core/errors.js';
import { openConnection } from '../core/open.js';
import { parseURI } from '../core/uri/parse.js';
import type { QemuSystem } from './qemu-system.js';

/** A driver connection a client holds; `release` drops the client's hold on it. */
export interface Opened {
  conn: Connection;
  release(): Promise<void>;
}

/**
 * test:///default as libvirtd keeps it (test_driver.c's defaultPrivconn): one node shared by
 * every connection open at the same time, built by the first open and dropped by the last
 * close, so the next open starts from a fresh node.
 */
class SharedDefault {
  private node?: Promise<Connection>;
  private refs = 0;

  async open(readonly: boolean): Promise<Opened> {
    this.refs++;
    this.node ??= loadTestNode('test:///default', '/default').then(connectionForNode);
    let driver: Connection;
    try {
      driver = await this.node;
    } catch (e) {
      this.drop();
      throw e;
    }
    let held = true;
    return {
      conn: publicApi(driver, { readonly }),
      release: async () => {
        if (held) this.drop();
        held = false;
      },
    };
  }

  private drop() {
    if (--this.refs === 0) this.node = undefined;
  }
}

type DriverOpen = (name: string, path: string, readonly: boolean) => Promise<Opened>;

/**
 * The daemon's driver table, by URI scheme. Each entry opens its driver in this process;
 * adding a driver adds one row here and nothing to the RPC layer.
 */
export function driverTable(qemu: QemuSystem): Map<string, DriverOpen> {
  const shared = new SharedDefault();
  return new Map<string, DriverOpen>([
    [
      'test',
      async (name, path, readonly) => {
        if (path === '/default') return shared.open(readonly);
        // Any other node file is private to the connection that opened it.
        const conn = await openConnection(name, { readonly, warn: () => undefined });
        return { conn, release: () => conn.close() };
      },
    ],
    ['qemu', openQemuSystem(qemu)],
  ]);
}

/**
 * qemu:///system: the daemon's one QEMU driver (qemu-system.ts), each connection a public
 * API layer of its own on it.
 */
function openQemuSystem(qemu: QemuSystem): DriverOpen {
  return async (name, path, readonly) => {
    if (path !== '/system') throw virErr('NO_CONNECT', name);
    const { connectionForDriver } = await import('../core/drivers/qemu/index.js');
    const drv = await qemu.connect();
    return { conn: publicApi(connectionForDriver(drv), { readonly }), release: async () => undefined };
  };
}

/** virConnectOpen inside the daemon: only drivers running here, never the remote driver. */
export async function openDriver(table: Map<string, DriverOpen>, name: string | undefined, readonly: boolean): Promise<Opened> {
  const uri = name ? parseURI(name) : undefined;
  const open = uri?.scheme && !uri.server ? table.get(uri.scheme) : undefined;
  if (!uri || !open) throw virErr('NO_CONNECT', name || '<null>');
  return open(name!, uri.path ?? '', readonly);
}
