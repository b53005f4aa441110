import { ListDomains } from '../../core/api/domain.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import type { Handler } from '../types.js';
import { formatTable } from './table.js';
import { exclusive, stateName } from './util.js';

/** list's filter options and the VIR_CONNECT_LIST_DOMAINS_* bit each adds. */
const FILTERS: Array<[string, number]> = [
  ['persistent', ListDomains.PERSISTENT],
  ['transient', ListDomains.TRANSIENT],
  ['with-managed-save', ListDomains.MANAGEDSAVE],
  ['without-managed-save', ListDomains.NO_MANAGEDSAVE],
  ['autostart', ListDomains.AUTOSTART],
  ['no-autostart', ListDomains.NO_AUTOSTART],
  ['with-snapshot', ListDomains.HAS_SNAPSHOT],
  ['without-snapshot', ListDomains.NO_SNAPSHOT],
  ['with-checkpoint', ListDomains.HAS_CHECKPOINT],
  ['without-checkpoint', ListDomains.NO_CHECKPOINT],
  ['state-running', ListDomains.RUNNING],
  ['state-paused', ListDomains.PAUSED],
  ['state-shutoff', ListDomains.SHUTOFF],
  ['state-other', ListDomains.OTHER],
];

/** virshDomainSorter: running domains by id, then inactive ones by name (case-insensitive). */
function sortDomains(a: DomainHandle, b: DomainHandle): number {
  if (a.id === -1 && b.id === -1) {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.id !== -1 && b.id !== -1) return a.id - b.id;
  return a.id !== -1 ? -1 : 1;
}

export const list: Handler = async (ctx, opts) => {
  let flags: number = ListDomains.ACTIVE;
  if (opts.bool('inactive') || opts.bool('state-shutoff')) flags = ListDomains.INACTIVE;
  if (opts.bool('all')) flags = ListDomains.INACTIVE | ListDomains.ACTIVE;
  for (const [name, bit] of FILTERS) if (opts.bool(name)) flags |= bit;
  for (const other of ['name', 'uuid', 'id']) if (!exclusive(ctx, opts, 'table', other)) return false;
  const optUUID = opts.bool('uuid');
  const optName = opts.bool('name');
  const optID = opts.bool('id');
  const optTable = opts.bool('table') || (!optUUID && !optName && !optID);
  const conn = await ctx.conn();
  let doms: DomainHandle[];
  try {
    doms = await conn.listAllDomains(flags);
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ctx.error('Failed to list domains');
    throw e;
  }
  doms.sort(sortDomains);
  const idText = (d: DomainHandle) => (d.id === -1 ? '-' : String(d.id));
  if (!optTable) {
    let out = '';
    for (const d of doms) {
      const parts: string[] = [];
      if (optUUID) parts.push(d.uuid);
      if (optID) {
        if (d.id === -1 && !optUUID && !optName) continue;
        parts.push(idText(d));
      }
      if (optName) parts.push(d.name);
      out += parts.join(' ') + '\n';
    }
    ctx.print(out);
    return true;
  }
  const title = opts.bool('title');
  const managed = opts.bool('managed-save');
  // Each domain's calls are issued together rather than one round trip after another (a
  // remote connection pipelines them); rows keep the listing's order, and a domain that
  // went away between listing and asking is skipped, as virsh does.
  const rowOf = async (d: DomainHandle): Promise<string[] | undefined> => {
    let state: string;
    try {
      const st = (await conn.domainGetState(d, 0)).state;
      state = managed && st === 5 && (await conn.domainHasManagedSaveImage(d, 0)) ? 'saved' : stateName(st);
    } catch (e) {
      if (e instanceof VirError) return undefined;
      throw e;
    }
    const row = [idText(d), d.name, state];
    if (title) row.push(await domainTitle(ctx, d));
    return row;
  };
  const rows = (await Promise.all(doms.map(rowOf))).filter((r): r is string[] => r !== undefined);
  const header = title ? ['Id', 'Name', 'State', 'Title'] : ['Id', 'Name', 'State'];
  ctx.print(formatTable(header, rows, !ctx.shell.quiet));
  return true;
};

/** virshGetDomainDescription(title): an absent title is the empty string. */
async function domainTitle(ctx: Parameters<Handler>[0], d: DomainHandle): Promise<string> {
  const conn = await ctx.conn();
  try {
    return await conn.domainGetMetadata(d, 1, null, 0);
  } catch (e) {
    if (e instanceof VirError && e.codeName === 'NO_DOMAIN_METADATA') return '';
    throw e;
  }
}
