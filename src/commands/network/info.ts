import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';

const line = (label: string, value: string) => `${label.padEnd(15)} ${value}\n`;

export const netInfo: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const data = {
    name: net.name,
    uuid: net.uuid,
    active: await conn.networkIsActive(net).catch(() => null),
    persistent: await conn.networkIsPersistent(net).catch(() => null),
    autostart: await conn.networkGetAutostart(net).catch(() => null),
    bridge: await conn.networkGetBridgeName(net).catch(() => null),
  };
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  emit(ctx, opts, data, (d) =>
    line('Name:', d.name) +
    line('UUID:', d.uuid) +
    (d.active === null ? '' : line('Active:', yesNo(d.active))) +
    line('Persistent:', d.persistent === null ? 'unknown' : yesNo(d.persistent)) +
    line('Autostart:', d.autostart === null ? 'no autostart' : yesNo(d.autostart)) +
    (d.bridge === null ? '' : line('Bridge:', d.bridge)),
  );
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
