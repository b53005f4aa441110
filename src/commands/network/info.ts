import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';

const line = (label: string, value: string) => `${label.padEnd(15)} ${value}\n`;

export const netInfo: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  ctx.print(line('Name:', net.name));
  ctx.print(line('UUID:', net.uuid));
  const active = await conn.networkIsActive(net).catch(() => undefined);
  if (active !== undefined) ctx.print(line('Active:', active ? 'yes' : 'no'));
  const persistent = await conn.networkIsPersistent(net).catch(() => undefined);
  ctx.print(line('Persistent:', persistent === undefined ? 'unknown' : persistent ? 'yes' : 'no'));
  const autostart = await conn.networkGetAutostart(net).catch(() => undefined);
  ctx.print(line('Autostart:', autostart === undefined ? 'no autostart' : autostart ? 'yes' : 'no'));
  const bridge = await conn.networkGetBridgeName(net).catch(() => undefined);
  if (bridge !== undefined) ctx.print(line('Bridge:', bridge));
  return true;
};

export const netUuid: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts, { uuid: false, name: true });
  if (!net) return false;
  ctx.print(`${net.uuid}\n`);
  return true;
};

export const netName: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts, { uuid: true, name: false });
  if (!net) return false;
  ctx.print(`${net.name}\n`);
  return true;
};
