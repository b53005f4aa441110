import { ListNetworksFlags as L } from '../../core/api/network.js';
import { formatTable } from '../domain/table.js';
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
  if (uuid) {
    for (const n of nets) ctx.print(`${n.uuid}\n`);
  } else if (name) {
    for (const n of nets) ctx.print(`${n.name}\n`);
  } else {
    const rows: string[][] = [];
    for (const n of nets) {
      const autostart = await conn.networkGetAutostart(n).then(
        (a) => (a ? 'yes' : 'no'),
        () => 'no autostart',
      );
      rows.push([
        n.name,
        (await conn.networkIsActive(n)) ? 'active' : 'inactive',
        autostart,
        (await conn.networkIsPersistent(n)) ? 'yes' : 'no',
      ]);
    }
    ctx.print(formatTable(['Name', 'State', 'Autostart', 'Persistent'], rows, !ctx.shell.quiet));
  }
  return true;
};
