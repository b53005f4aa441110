import { InterfaceXMLFlags, ListInterfacesFlags as L } from '../../core/api/interface.js';
import { formatTable } from '../domain/table.js';
import { byNameCase } from '../network/list.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { BY_ANY, optInterface } from './lookup.js';

export const ifaceList: Handler = async (ctx, opts) => {
  const inactive = opts.bool('inactive');
  const all = opts.bool('all');
  if (all && inactive) {
    ctx.error('Options --all and --inactive are mutually exclusive');
    return false;
  }
  const flags = all ? L.ACTIVE | L.INACTIVE : inactive ? L.INACTIVE : L.ACTIVE;
  const conn = await ctx.conn();
  const list = (await ctx.attempt('Failed to list interfaces', () => conn.listAllInterfaces(flags))).sort(byNameCase);
  const entries: Array<{ name: string; active: boolean; mac: string }> = [];
  for (const i of list) entries.push({ name: i.name, active: await conn.interfaceIsActive(i), mac: i.mac });
  emit(ctx, opts, entries, (ifaces) => {
    const rows = ifaces.map((i) => [i.name, i.active ? 'active' : 'inactive', i.mac]);
    return formatTable(['Name', 'State', 'MAC Address'], rows, !ctx.shell.quiet);
  });
  return true;
};

export const ifaceName: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts, { name: false, mac: true });
  if (!iface) return false;
  ctx.print(`${iface.name}\n`);
  return true;
};

export const ifaceMac: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts, { name: true, mac: false });
  if (!iface) return false;
  ctx.print(`${iface.mac}\n`);
  return true;
};

export const ifaceDumpxml: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts, BY_ANY);
  if (!iface) return false;
  const flags = opts.bool('inactive') ? InterfaceXMLFlags.INACTIVE : 0;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const conn = await ctx.conn();
  const xml = await conn.interfaceGetXMLDesc(iface, flags);
  return virshDumpXML(ctx, xml, 'interface', xpath, opts.bool('wrap'));
};
