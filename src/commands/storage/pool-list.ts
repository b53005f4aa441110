import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { ListPools, PoolState } from '../../core/api/storage.js';
import { isPoolType, type PoolType } from '../../core/xml/storage/enums.js';
import { formatTable } from '../domain/table.js';
import { exclusive, prettyCapacity } from './util.js';

const TYPE_FLAG: Record<PoolType, number> = {
  dir: ListPools.DIR, fs: ListPools.FS, netfs: ListPools.NETFS, logical: ListPools.LOGICAL,
  disk: ListPools.DISK, iscsi: ListPools.ISCSI, 'iscsi-direct': ListPools.ISCSI_DIRECT,
  scsi: ListPools.SCSI, mpath: ListPools.MPATH, rbd: ListPools.RBD, sheepdog: ListPools.SHEEPDOG,
  gluster: ListPools.GLUSTER, zfs: ListPools.ZFS, vstorage: ListPools.VSTORAGE,
};

/** virsh's state words (virshStoragePoolState), by virStoragePoolState. */
const STATE_NAMES = ['inactive', 'building', 'running', 'degraded', 'inaccessible'];

/** vshStringToArray: comma-separated, ",," escapes a comma. */
function splitList(s: string): string[] {
  return s.split(/(?<!,),(?!,)/).map((t) => t.replace(/,,/g, ','));
}

/** vshStrcasecmp ordering, as virshStoragePoolSorter. */
export function caseCompare(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

export const poolList: Handler = async (ctx, opts) => {
  const details = opts.bool('details');
  if (!exclusive(ctx, opts, 'all', 'inactive')) return false;
  let flags: number = ListPools.ACTIVE;
  if (opts.bool('inactive')) flags = ListPools.INACTIVE;
  if (opts.bool('all')) flags = ListPools.ACTIVE | ListPools.INACTIVE;
  if (opts.bool('autostart')) flags |= ListPools.AUTOSTART;
  if (opts.bool('no-autostart')) flags |= ListPools.NO_AUTOSTART;
  if (opts.bool('persistent')) flags |= ListPools.PERSISTENT;
  if (opts.bool('transient')) flags |= ListPools.TRANSIENT;
  const uuid = opts.bool('uuid');
  const name = opts.bool('name');
  const type = opts.string('type');
  if (!exclusive(ctx, opts, 'details', 'uuid') || !exclusive(ctx, opts, 'details', 'name')) return false;
  if (type !== undefined) {
    for (const t of splitList(type)) {
      if (!isPoolType(t)) {
        ctx.error(`Invalid pool type '${t}'`);
        return false;
      }
      flags |= TYPE_FLAG[t];
    }
  }
  const conn = await ctx.conn();
  const pools = await ctx.attempt('Failed to list pools', () => conn.connectListAllStoragePools(flags));
  pools.sort((a, b) => caseCompare(a.name, b.name));

  const json = opts.bool('json');
  if (!details && !json && (uuid || name)) {
    let out = '';
    for (const p of pools) {
      if (uuid) out += p.uuid.padEnd(36) + (name ? ' ' : '\n');
      // printf's %-20s counts bytes, not characters.
      if (name) out += p.name + ' '.repeat(Math.max(0, 20 - Buffer.byteLength(p.name))) + '\n';
    }
    ctx.print(out);
    return true;
  }
  const entries: PoolListEntry[] = [];
  for (const p of pools) {
    const autostart = await conn.storagePoolGetAutostart(p);
    const info = await conn.storagePoolGetInfo(p);
    const entry: PoolListEntry = { name: p.name, uuid: p.uuid, state: STATE_NAMES[info.state] ?? 'unknown', active: false, autostart };
    entry.active = await conn.storagePoolIsActive(p);
    if (details || json) {
      entry.persistent = await conn.storagePoolIsPersistent(p);
      if (details) ctx.debug(0, `Persistent flag value: ${entry.persistent ? 1 : 0}\n`);
      const sized = info.state === PoolState.RUNNING || info.state === PoolState.DEGRADED;
      entry.capacity = sized ? info.capacity : null;
      entry.allocation = sized ? info.allocation : null;
      entry.available = sized ? info.available : null;
    }
    entries.push(entry);
  }
  const tableText = (header: string[], rows: string[][]) => formatTable(header, rows, !ctx.shell.quiet);
  emit(ctx, opts, entries, (list) => {
    const yesNo = (v: boolean | undefined) => (v ? 'yes' : 'no');
    if (!details) return tableText(['Name', 'State', 'Autostart'], list.map((e) => [e.name, e.active ? 'active' : 'inactive', yesNo(e.autostart)]));
    const size = (v: bigint | null | undefined) => (v === null || v === undefined ? '-' : prettyCapacity(v));
    return tableText(
      ['Name', 'State', 'Autostart', 'Persistent', 'Capacity', 'Allocation', 'Available'],
      list.map((e) => [e.name, e.state, yesNo(e.autostart), yesNo(e.persistent), size(e.capacity), size(e.allocation), size(e.available)]),
    );
  });
  return true;
};

/** One pool of `pool-list --json` (schema/json/pool-list.schema.json); sizes in bytes, null while not running. */
interface PoolListEntry {
  name: string;
  uuid: string;
  state: string;
  active: boolean;
  autostart: boolean;
  persistent?: boolean;
  capacity?: bigint | null;
  allocation?: bigint | null;
  available?: bigint | null;
}
