import { ListPools } from '../../core/api/storage.js';
import { POOL_TYPES } from '../../core/xml/storage/enums.js';
import type { Completer } from '../../repl/complete/completers.js';
import { POOL_EVENT_NAMES, WIPE_ALGORITHMS } from './names.js';
import { caseCompare } from './pool-list.js';

/**
 * virshCommaStringListComplete: for a comma-separated list typed so far, every option not
 * yet listed before the last comma, appended after that comma.
 */
function commaListComplete(input: string | undefined, options: readonly string[]): string[] {
  const done = input === undefined || input === ' ' || !input.includes(',') ? undefined : input.slice(0, input.lastIndexOf(','));
  const listed = done?.split(',') ?? [];
  return options.filter((o) => !listed.includes(o)).map((o) => (done === undefined ? o : `${done},${o}`));
}

/** The storage completers of virsh-completer-pool.c and virsh-completer-volume.c. */
export const storageCompleters: Record<string, Completer> = {
  poolType: async ({ cmd }) => {
    // The value being typed counts (vshCommandOptStringQuiet on the partial command).
    return commaListComplete(cmd.opts.find((o) => o.def.name === 'type')?.value, POOL_TYPES);
  },
  poolEventName: async () => [...POOL_EVENT_NAMES],
  storageVolWipeAlgorithm: async () => [...WIPE_ALGORITHMS],
  storageVolKey: async ({ conn }) => {
    const c = await conn();
    const keys: string[] = [];
    // virshStoragePoolListCollect: the active pools, sorted by name.
    const pools = (await c.connectListAllStoragePools(ListPools.ACTIVE)).sort((a, b) => caseCompare(a.name, b.name));
    for (const pool of pools) {
      for (const vol of await c.storagePoolListAllVolumes(pool, 0)) keys.push(vol.key);
    }
    return keys;
  },
};
