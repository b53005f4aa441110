import { unsupported } from '../../errors.js';
import type { Connection } from '../connection.js';
import type { CallContext } from './checks.js';
import { domainRows } from './domain.js';
import { domainDeviceRows } from './domain-devices.js';
import { eventRows } from './events.js';
import { hostRows } from './host.js';
import { interfaceRows, nodeDeviceRows, nwfilterRows, secretRows } from './host-objects.js';
import { backupRows, checkpointRows, snapshotRows } from './moments.js';
import { networkRows } from './network.js';
import { storageRows } from './storage.js';
import type { Row, Table } from './table.js';

/** Every Connection method's row; the type makes a forgotten method a compile error. */
export const publicTable: Table<Connection> = {
  ...hostRows,
  ...domainRows,
  ...domainDeviceRows,
  ...snapshotRows,
  ...checkpointRows,
  ...backupRows,
  ...networkRows,
  ...storageRows,
  ...interfaceRows,
  ...nodeDeviceRows,
  ...secretRows,
  ...nwfilterRows,
  ...eventRows,
};

export interface PublicApiOptions {
  /** Opened with VIR_CONNECT_RO (`virsh -r`, `connect --readonly`). */
  readonly: boolean;
}

/** The libvirt API name a call goes by. */
export function apiName(r: Row, args: readonly unknown[]): string {
  return typeof r.api === 'string' ? r.api : r.api(args);
}

/**
 * libvirt's public API layer (libvirt-domain.c, libvirt-network.c, …) around any driver:
 * each call first passes the checks libvirt makes for every driver (read-only refusal,
 * argument checks, mutually exclusive flags), in libvirt's order, then reaches the driver.
 */
export function publicApi(driver: Connection, opts: PublicApiOptions): Connection {
  // Each call's wrapper is made on first use: a one-shot command makes a handful of the
  // table's several hundred.
  const made = new Map<string | symbol, unknown>();
  const wrap = (method: keyof Connection, r: Row) => {
    const impl = driver[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    return async (...args: unknown[]) => {
      const call: CallContext = { args, fn: apiName(r, args), readonly: opts.readonly };
      for (const check of r.checks) {
        const err = check(call);
        if (err) throw err;
      }
      // A driver still being written may lack a call: libvirt's answer for a missing entry.
      if (!impl) throw unsupported(call.fn);
      return impl.apply(driver, args);
    };
  };
  return new Proxy({} as Connection, {
    get(_target, method) {
      if (!made.has(method) && typeof method === 'string' && Object.hasOwn(publicTable, method)) {
        made.set(method, wrap(method as keyof Connection, publicTable[method as keyof Connection] as Row));
      }
      return made.get(method);
    },
  });
}
