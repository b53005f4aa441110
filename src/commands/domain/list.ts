import { ListDomains } from '../../core/api/domain.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import { emit } from '../json/emit.js';
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
  if (!optTable && !opts.bool('json')) {
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
  const entryOf = async (d: DomainHandle): Promise<ListEntry | undefined> => {
    let state: string;
    try {
      const st = (await conn.domainGetState(d, 0)).state;
      state = managed && st === 5 && (await conn.domainHasManagedSaveImage(d, 0)) ? 'saved' : stateName(st);
    } catch (e) {
      if (e instanceof VirError) return undefined;
      throw e;
    }
    const entry: ListEntry = { id: d.id === -1 ? null : d.id, name: d.name, uuid: d.uuid, state };
    if (title) entry.title = await domainTitle(ctx, d);
    return entry;
  };
  const entries = (await Promise.all(doms.map(entryOf))).filter((r): r is ListEntry => r !== undefined);
  emit(ctx, opts, entries, (list) => {
    const header = title ? ['Id', 'Name', 'State', 'Title'] : ['Id', 'Name', 'State'];
    const rows = list.map((e) => [e.id === null ? '-' : String(e.id), e.name, e.state, ...(title ? [e.title ?? ''] : [])]);
    return formatTable(header, rows, !ctx.shell.quiet);
  });
  return true;
};

/** One domain of `list --json` (schema/json/list.schema.json). */
interface ListEntry {
  id: number | null;
  name: string;
  uuid: string;
  state: string;
  title?: string;
}

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
