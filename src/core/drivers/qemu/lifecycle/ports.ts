// virPortAllocatorAcquire: the first port of a range that this driver has not handed out and
// that nothing on the host listens on. libvirt keeps the handed-out ports in memory and
// re-reserves running guests' ports when it takes them over; every virsh-ts call is a new
// process, so the running guests' live definitions are that memory here.
import { createServer } from 'node:net';
import { virErr } from '../../../errors.js';
import type { PortRange } from '../config/qemu-conf.js';

/** True when `port` can be bound on the IPv6 and the IPv4 wildcard (virPortAllocatorBindToPort). */
async function portFree(port: number): Promise<boolean> {
  for (const host of ['::', '0.0.0.0']) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EAFNOSUPPORT' || e.code === 'EADDRNOTAVAIL'));
      server.listen({ port, host, ipv6Only: host === '::', exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

/**
 * Ports being checked or just handed out by this process, until the guest's live definition
 * names them: two starts in one process (virtd-ts) never pick the same one.
 */
const claimed = new Set<number>();

/**
 * A port from `range` that no running guest holds (`taken`), claimed until `releaseClaim`; libvirt's error when the
 * range is exhausted.
 */
export async function acquirePort(name: 'display' | 'webSocket', range: PortRange, taken: (port: number) => boolean): Promise<number> {
  for (let port = range.min; port <= range.max; port++) {
    if (taken(port) || claimed.has(port)) continue;
    claimed.add(port);
    if (await portFree(port)) return port;
    claimed.delete(port);
  }
  throw virErr('INTERNAL_ERROR', `Unable to find an unused port in range '${name}' (${range.min}-${range.max})`);
}

export function releaseClaim(port: number): void {
  claimed.delete(port);
}
