import { domainDeviceServed, domainServed } from './domain.js';
import { guestBlockServed } from './guest-block.js';
import { hostServed } from './host.js';
import { networkServed } from './network.js';
import { nodeExtraServed } from './node-extra.js';
import { objectServed } from './objects.js';
import type { Served } from './serve.js';
import { snapshotServed } from './snapshot.js';
import { storageServed } from './storage.js';
import { streamServed } from './streams.js';
import { tuneSetServed } from './tune-set.js';
import { tuningServed } from './tuning.js';
import { unservedRows } from './unserved.js';

/** Every driver-backed procedure the daemon serves, keyed by procedure number. */
export function driverDispatch(): Map<number, Served> {
  const all = [...hostServed, ...domainServed, ...domainDeviceServed, ...snapshotServed, ...networkServed, ...storageServed, ...objectServed, ...streamServed, ...tuningServed, ...tuneSetServed, ...nodeExtraServed, ...guestBlockServed];
  const table = new Map<number, Served>();
  for (const s of all) {
    if (table.has(s.proc.number)) throw new Error(`procedure ${s.proc.name} served twice`);
    table.set(s.proc.number, s);
  }
  for (const s of unservedRows(table)) table.set(s.proc.number, s);
  return table;
}
