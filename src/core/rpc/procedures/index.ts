import { connectProcs } from './connect.js';
import type { Procedure } from './define.js';
import { domainProcs } from './domain.js';
import { domainEventProcs } from './domain-events.js';
import { domainTuneSetProcs } from './domain-tune-set.js';
import { domainTuningProcs } from './domain-tuning.js';
import { eventProcs } from './events.js';
import { hostObjectProcs } from './host-objects.js';
import { blockJobProcs } from './block-jobs.js';
import { domainExtraProcs } from './domain-extra.js';
import { guestProcs } from './guest.js';
import { legacyProcs } from './legacy.js';
import { legacyEventProcs } from './legacy-events.js';
import { migrateProcs } from './migrate.js';
import { lxcProcs } from './lxc.js';
import { qemuProcs } from './qemu.js';
import { keepaliveProcs } from './keepalive.js';
import { networkProcs } from './network.js';
import { nodeExtraProcs } from './node-extra.js';
import { snapshotProcs } from './snapshot.js';
import { storageProcs } from './storage.js';

export type { ArgsOf, Procedure, RetOf } from './define.js';
export { keepalivePacket } from './keepalive.js';

/** Every procedure this project speaks, by camel-case name (the client's handle on a row). */
export const P = {
  ...connectProcs,
  ...domainProcs,
  ...domainTuningProcs,
  ...domainTuneSetProcs,
  ...snapshotProcs,
  ...networkProcs,
  ...storageProcs,
  ...hostObjectProcs,
  ...nodeExtraProcs,
  ...eventProcs,
  ...domainEventProcs,
  ...legacyProcs,
  ...legacyEventProcs,
  ...migrateProcs,
  ...blockJobProcs,
  ...guestProcs,
  ...domainExtraProcs,
};

/** The QEMU and LXC programs' rows: apart from P, whose rows the daemon keys by number alone. */
export const QP = qemuProcs;
export const LP = lxcProcs;

/** Lookup by (program, number), for a daemon dispatching calls and a client routing events. */
export function procedureIndex(rows: Iterable<Procedure> = [...Object.values(P), ...Object.values(QP), ...Object.values(LP), ...Object.values(keepaliveProcs)]): Map<string, Procedure> {
  const index = new Map<string, Procedure>();
  for (const p of rows) {
    const key = `${p.program}:${p.number}`;
    if (index.has(key)) throw new Error(`duplicate procedure ${p.name} (${key})`);
    index.set(key, p);
  }
  return index;
}
