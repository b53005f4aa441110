import type { NetworkPortHandle } from '../../core/api/network.js';
import { formatTable } from '../domain/table.js';
import { ShellError } from '../shell/errors.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { optNetwork } from './lookup.js';

/**
 * virshCommandOptNetworkPort. net-port-dumpxml and net-port-delete start from success and
 * only print virsh's own line when a lookup fails (their exit code stays 0), so the
 * lookup errors are consumed here.
 */
async function optPort(ctx: CommandContext, opts: CommandOptions): Promise<NetworkPortHandle | undefined> {
  try {
    const net = await optNetwork(ctx, opts);
    if (!net) return undefined;
    const n = opts.requiredString('port');
    const conn = await ctx.conn();
    try {
      return await conn.networkPortLookupByUUID(net, n);
    } catch {
      ctx.error(`failed to get network port '${n}'`);
      return undefined;
    }
  } catch (e) {
    // vshError prints an option's own failure at once; libvirt's errors are dropped.
    if (e instanceof ShellError) ctx.error(e.message);
    return undefined;
  }
}

export const netPortDumpxml: Handler = async (ctx, opts) => {
  const port = await optPort(ctx, opts);
  if (!port) return true;
  // Unlike a failed lookup, an empty --xpath makes the command fail.
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const conn = await ctx.conn();
  const xml = await conn.networkPortGetXMLDesc(port, 0);
  return virshDumpXML(ctx, xml, 'network-port', xpath, opts.bool('wrap'));
};

export const netPortDelete: Handler = async (ctx, opts) => {
  const port = await optPort(ctx, opts);
  if (!port) return true;
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to delete network port ${port.uuid}`, () => conn.networkPortDelete(port, 0));
  ctx.printExtra(`Network port ${port.uuid} deleted\n`);
  return true;
};

export const netPortCreate: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const file = opts.requiredString('file');
  const xml = await ctx.readFile(file);
  const flags = opts.bool('validate') ? 1 : 0;
  const conn = await ctx.conn();
  const port = await ctx.attempt(`Failed to create network from ${file}`, () => conn.networkPortCreateXML(net, xml, flags));
  ctx.printExtra(`Network port ${port.uuid} created from ${file}\n`);
  return true;
};

export const netPortList: Handler = async (ctx, opts) => {
  const uuid = opts.bool('uuid');
  if (opts.bool('table') && uuid) {
    ctx.error('Only one argument from --table and --uuid may be specified.');
    return false;
  }
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const ports = (await conn.networkListAllPorts(net, 0)).sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
  if (uuid) for (const p of ports) ctx.print(`${p.uuid}\n`);
  else ctx.print(formatTable(['UUID'], ports.map((p) => [p.uuid]), !ctx.shell.quiet));
  return true;
};
