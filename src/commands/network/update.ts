import { NetworkUpdateFlags as U } from '../../core/api/network.js';
import { UPDATE_COMMANDS, UPDATE_SECTIONS } from '../../core/xml/network/update.js';
import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';

export const netUpdate: Handler = async (ctx, opts) => {
  const config = opts.bool('config');
  const live = opts.bool('live');
  for (const other of ['live', 'config']) {
    if (opts.bool('current') && opts.bool(other)) {
      ctx.error(`Options --current and --${other} are mutually exclusive`);
      return false;
    }
  }
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const commandStr = opts.requiredString('command');
  const command = commandStr === 'add' ? 3 : (UPDATE_COMMANDS as readonly string[]).indexOf(commandStr);
  if (command <= 0) {
    ctx.error(`unrecognized command name '${commandStr}'`);
    return false;
  }
  const sectionStr = opts.requiredString('section');
  const section = (UPDATE_SECTIONS as readonly string[]).indexOf(sectionStr);
  if (section <= 0) {
    ctx.error(`unrecognized section name '${sectionStr}'`);
    return false;
  }
  const parentIndex = opts.int('parent-index') ?? -1;
  let xml = opts.requiredString('xml');
  if (!xml.startsWith('<')) xml = await ctx.readFile(xml);
  let flags: number = U.AFFECT_CURRENT;
  if (config) flags |= U.AFFECT_CONFIG;
  if (live) flags |= U.AFFECT_LIVE;
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to update network ${net.name}`, () =>
    conn.networkUpdate(net, command, section, parentIndex, xml, flags),
  );
  // virsh prints these without a trailing newline.
  let what: string;
  if (config) what = live ? 'persistent config and live state' : 'persistent config';
  else if (live) what = 'live state';
  else what = (await conn.networkIsActive(net)) ? 'live state' : 'persistent config';
  ctx.printExtra(`Updated network ${net.name} ${what}`);
  return true;
};
