// The test driver's groups that are loaded on first call. A one-shot command touches one
// or two groups; loading (and reading from the node file) only those keeps the modules,
// the parsing and the code cache of all the others out of its start-up.
import type { Connection } from '../../api/connection.js';
import { domainDeviceRows } from '../../api/public/domain-devices.js';
import { interfaceRows, nodeDeviceRows, nwfilterRows, secretRows } from '../../api/public/host-objects.js';
import { backupRows, checkpointRows, snapshotRows } from '../../api/public/moments.js';
import { networkRows } from '../../api/public/network.js';
import { storageRows } from '../../api/public/storage.js';
import { HOST_CPU_CALLS } from './host/cpu-calls.js';
import { DEFINE_CALLS, SAVE_CALLS } from './domain/calls.js';
import type { TestNode } from './node.js';

type Ops = Partial<Record<keyof Connection, unknown>>;

interface Family {
  /** The Connection calls the group serves. */
  calls: readonly (keyof Connection)[];
  /** Its module's ops constructor; constructing them reads the group's slice of the node. */
  load: () => Promise<(node: TestNode) => Ops>;
}

const names = (...rows: object[]) => rows.flatMap((r) => Object.keys(r) as (keyof Connection)[]);

/** In libvirt's parse order (testOpenParse): a node file reads its groups in this order. */
export const lazyFamilies: readonly Family[] = [
  { calls: names(networkRows), load: () => import('./network.js').then((m) => m.networkOps) },
  { calls: names(storageRows), load: () => import('./storage.js').then((m) => m.storageOps) },
  { calls: names(interfaceRows), load: () => import('./interface.js').then((m) => m.interfaceOps) },
  { calls: names(nodeDeviceRows), load: () => import('./nodedev.js').then((m) => m.nodeDeviceOps) },
  { calls: DEFINE_CALLS, load: () => import('./domain/define.js').then((m) => m.defineOps) },
  { calls: SAVE_CALLS, load: () => import('./domain/save.js').then((m) => m.saveOps) },
  { calls: names(domainDeviceRows), load: () => import('./domain-devices.js').then((m) => m.domainDeviceOps) },
  {
    calls: names(snapshotRows, checkpointRows),
    load: () => import('./snapshot.js').then((m) => (node: TestNode) => ({ ...m.snapshotOps(node), ...m.checkpointOps(node) })),
  },
  { calls: names(secretRows), load: () => import('./secret.js').then((m) => m.secretOps) },
  { calls: names(nwfilterRows, backupRows), load: () => import('./nwfilter.js').then((m) => m.nwfilterOps) },
  { calls: HOST_CPU_CALLS, load: () => import('./host/cpu-ops.js').then((m) => m.hostCpuOps) },
];

/** Each family's ops over one node, made once, when a call first needs them. */
export function familyOps(node: TestNode): (f: Family) => Promise<Ops> {
  const made = new Map<Family, Promise<Ops>>();
  return (f) => {
    let ops = made.get(f);
    if (!ops) made.set(f, (ops = f.load().then((make) => make(node))));
    return ops;
  };
}

/** The family serving a call, if a lazily loaded one does. */
export function familyOf(call: string): Family | undefined {
  return lazyFamilies.find((f) => (f.calls as readonly string[]).includes(call));
}

/** The stand-in for a lazily loaded call: it loads the call's family on first use. */
export function lazyCall(opsOf: (f: Family) => Promise<Ops>, f: Family, name: keyof Connection) {
  return async (...args: unknown[]): Promise<unknown> => {
    const ops = await opsOf(f);
    return (ops[name] as (...a: unknown[]) => Promise<unknown>).apply(ops, args);
  };
}
