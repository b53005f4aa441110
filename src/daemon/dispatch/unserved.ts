import { unsupported } from '../../core/errors.js';
import { P, type Procedure } from '../../core/rpc/procedures/index.js';
import type { Served } from './serve.js';

/** Words libvirt's API names keep in capitals. */
const acronyms = new Set(['XML', 'CPU', 'CPUS', 'UUID', 'ID', 'PM', 'NMI', 'MAC', 'DHCP', 'SCSI', 'WWN', 'FS', 'SEV', 'URI', 'NWFILTER']);

/** REMOTE_PROC_STORAGE_VOL_UPLOAD → virStorageVolUpload, the name libvirt's errors print. */
export function apiNameOf(proc: Procedure): string {
  const words = proc.name.split('_').map((w) => {
    if (w === 'NWFILTER') return 'NWFilter';
    if (w === 'CPUS') return 'CPUs';
    return acronyms.has(w) ? w : w[0] + w.slice(1).toLowerCase();
  });
  return `vir${words.join('')}`;
}

/**
 * Calls of the shared table no driver serves yet (streams, event registration): libvirtd
 * answers those from a driver without the entry, "not supported by the connection driver".
 */
export function unservedRows(served: Map<number, Served>): Served[] {
  return Object.values(P)
    .filter((p: Procedure) => !p.event && !served.has(p.number))
    .map((proc: Procedure) => ({
      proc,
      handler: async () => {
        throw unsupported(apiNameOf(proc));
      },
    }));
}
