import { ListNetworksFlags as L } from '../../core/api/network.js';
import { formatTable } from '../domain/table.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';

/** Sort as virsh does (vshStrcasecmp on the names). */
export const byNameCase = (a: { name: string }, b: { name: string }) => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

const FILTERS: ReadonlyArray<[string, number]> = [
  ['persistent', L.PERSISTENT],
  ['transient', L.TRANSIENT],
  ['autostart', L.AUTOSTART],
  ['no-autostart', L.NO_AUTOSTART],
];

export const netList: Handler = async (ctx, opts) => {
  let flags: number = L.ACTIVE;
  if (opts.bool('inactive')) flags = L.INACTIVE;
  if (opts.bool('all')) flags = L.ACTIVE | L.INACTIVE;
  for (const [opt, bit] of FILTERS) if (opts.bool(opt)) flags |= bit;
  const name = opts.bool('name');
  const uuid = opts.bool('uuid');
  if (Number(opts.bool('table')) + Number(name) + Number(uuid) > 1) {
    ctx.error('Only one argument from --table, --name and --uuid may be specified.');
    return false;
  }
  const conn = await ctx.conn();
  const nets = (await ctx.attempt('Failed to list networks', () => conn.listAllNetworks(flags))).sort(byNameCase);
  if (!opts.bool('json') && (uuid || name)) {
    for (const n of nets) ctx.print(`${uuid ? n.uuid : n.name}\n`);
    return true;
  }
  const entries: NetListEntry[] = [];
  for (const n of nets) {
    const autostart = await conn.networkGetAutostart(n).catch(() => null);
    entries.push({
      name: n.name,
      uuid: n.uuid,
      active: await conn.networkIsActive(n),
      autostart,
      persistent: await conn.networkIsPersistent(n),
    });
  }
  emit(ctx, opts, entries, (list) => {
    const rows = list.map((e) => [
      e.name,
      e.active ? 'active' : 'inactive',
      e.autostart === null ? 'no autostart' : e.autostart ? 'yes' : 'no',
      e.persistent ? 'yes' : 'no',
    ]);
    return formatTable(['Name', 'State', 'Autostart', 'Persistent'], rows, !ctx.shell.quiet);
  });
  return true;
};

/** One network of `net-list --json` (schema/json/net-list.schema.json); autostart null when unknown. */
interface NetListEntry {
  name: string;
  uuid: string;
  active: boolean;
  autostart: boolean | null;
  persistent: boolean;
}
