import type { Connection } from '../../core/api/connection.js';
import { ListDomains } from '../../core/api/domain.js';
import type { DomainHandle, PoolHandle } from '../../core/api/handles.js';
import { ListInterfacesFlags } from '../../core/api/interface.js';
import { ListNetworksFlags } from '../../core/api/network.js';
import { ListPools } from '../../core/api/storage.js';
import type { PartialCommand } from './partial.js';
import { storageCompleters } from '../../commands/storage/completers.js';

/** What a completer may use: the live connection and the command typed so far. */
export interface CompleterInput {
  conn: () => Promise<Connection>;
  cmd: PartialCommand;
  flags: number;
  /** The registry's visible command names (for `help`). */
  commandNames: () => string[];
  /** vshError, for the lookups that report what they could not find. */
  error: (text: string) => void;
}

/** A completer returns every candidate (filtering by prefix is the caller's); undefined = none. */
export type Completer = (input: CompleterInput) => Promise<string[] | undefined>;

/** The flag names the spec tables use in `completerFlags`, by libvirt name. */
const flagValues: Record<string, number> = {
  ...Object.fromEntries(Object.entries(ListDomains).map(([k, v]) => [`VIR_CONNECT_LIST_DOMAINS_${k}`, v])),
  ...Object.fromEntries(Object.entries(ListNetworksFlags).map(([k, v]) => [`VIR_CONNECT_LIST_NETWORKS_${k}`, v])),
  ...Object.fromEntries(Object.entries(ListPools).map(([k, v]) => [`VIR_CONNECT_LIST_STORAGE_POOLS_${k}`, v])),
  ...Object.fromEntries(Object.entries(ListInterfacesFlags).map(([k, v]) => [`VIR_CONNECT_LIST_INTERFACES_${k}`, v])),
};

/** `A | B` from a spec's completerFlags, as a number. */
export function completerFlags(spec: string | undefined): number {
  if (!spec) return 0;
  return spec.split('|').reduce((acc, name) => acc | (flagValues[name.trim()] ?? 0), 0);
}

/** A value of the command typed so far (the last given, as virsh reads it). */
function optValue(cmd: PartialCommand, name: string): string | undefined {
  return cmd.opts.find((o) => o.def.name === name && !o.completeThis)?.value;
}

/** virshCommandOptDomain's lookup order without its messages: id, UUID, name. */
async function lookupDomain(conn: Connection, name: string, error: (text: string) => void): Promise<DomainHandle | undefined> {
  const attempts: (() => Promise<DomainHandle>)[] = [];
  if (/^\d+$/.test(name)) attempts.push(() => conn.domainLookupByID(Number(name)));
  if (/^[0-9a-f-]{32,36}$/i.test(name)) attempts.push(() => conn.domainLookupByUUID(name));
  attempts.push(() => conn.domainLookupByName(name));
  for (const attempt of attempts) {
    try {
      return await attempt();
    } catch {
      // the next way of naming it may match
    }
  }
  error(`failed to get domain '${name}'`);
  return undefined;
}

/** virshCommandOptPool: UUID-looking names by UUID first; the name lookup's error stays for the report. */
async function lookupPool(conn: Connection, name: string, error: (text: string) => void): Promise<PoolHandle> {
  if (/^[0-9a-f-]{32,36}$/i.test(name)) {
    try {
      return await conn.storagePoolLookupByUUIDString(name);
    } catch {
      // not a pool's UUID: try it as a name
    }
  }
  try {
    return await conn.storagePoolLookupByName(name);
  } catch (e) {
    error(`failed to get pool '${name}'`);
    throw e;
  }
}

const names = (list: readonly { name: string }[]) => list.map((h) => h.name);

/**
 * The live completers (virsh-completer-*.c) by the names the spec tables use. Completers
 * virsh leaves to readline (pathLocalExisting, empty) are absent: the caller decides what
 * they mean.
 */
export const completers: Record<string, Completer> = {
  domainName: async ({ conn, flags }) => names(await (await conn()).listAllDomains(flags)),
  domainUUID: async ({ conn, flags }) => (await (await conn()).listAllDomains(flags)).map((d) => d.uuid),
  networkName: async ({ conn, flags }) => names(await (await conn()).listAllNetworks(flags)),
  storagePoolName: async ({ conn, flags }) => names(await (await conn()).connectListAllStoragePools(flags)),
  interfaceName: async ({ conn, flags }) => names(await (await conn()).listAllInterfaces(flags)),
  nodeDeviceName: async ({ conn }) => names(await (await conn()).listAllNodeDevices(0)),
  nWFilterName: async ({ conn }) => names(await (await conn()).listAllNWFilters(0)),
  secretUUID: async ({ conn }) => (await (await conn()).listAllSecrets(0)).map((s) => s.uuid),
  storageVolName: async ({ conn, cmd, error }) => {
    const c = await conn();
    const poolName = optValue(cmd, 'pool');
    if (poolName === undefined) return undefined;
    const pool = await lookupPool(c, poolName, error);
    return names(await c.storagePoolListAllVolumes(pool, 0));
  },
  snapshotName: async ({ conn, cmd, error }) => {
    const c = await conn();
    const domName = optValue(cmd, 'domain');
    if (domName === undefined) return undefined;
    const dom = await lookupDomain(c, domName, error);
    return dom ? names(await c.domainListAllSnapshots(dom, 0)) : undefined;
  },
  checkpointName: async ({ conn, cmd, error }) => {
    const c = await conn();
    const domName = optValue(cmd, 'domain');
    if (domName === undefined) return undefined;
    const dom = await lookupDomain(c, domName, error);
    return dom ? names(await c.domainListAllCheckpoints(dom, 0)) : undefined;
  },
  helpCommand: async ({ commandNames }) => commandNames(),
  ...storageCompleters,
};
