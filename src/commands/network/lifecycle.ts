import { NetworkCreateFlags } from '../../core/api/network.js';
import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';

export const netDefine: Handler = async (ctx, opts) => {
  const file = opts.requiredString('file');
  const flags = opts.bool('validate') ? NetworkCreateFlags.VALIDATE : 0;
  const xml = await ctx.readFile(file);
  const conn = await ctx.conn();
  const net = await ctx.attempt(`Failed to define network from ${file}`, () => conn.networkDefineXML(xml, flags));
  ctx.printExtra(`Network ${net.name} defined from ${file}\n`);
  return true;
};

export const netCreate: Handler = async (ctx, opts) => {
  const file = opts.requiredString('file');
  const flags = opts.bool('validate') ? NetworkCreateFlags.VALIDATE : 0;
  const xml = await ctx.readFile(file);
  const conn = await ctx.conn();
  const net = await ctx.attempt(`Failed to create network from ${file}`, () => conn.networkCreateXML(xml, flags));
  ctx.printExtra(`Network ${net.name} created from ${file}\n`);
  return true;
};

export const netUndefine: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const name = opts.requiredString('network');
  await ctx.attempt(`Failed to undefine network ${name}`, () => conn.networkUndefine(net));
  ctx.printExtra(`Network ${name} has been undefined\n`);
  return true;
};

export const netStart: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts, { uuid: true, name: true });
  if (!net) return false;
  const conn = await ctx.conn();
  const name = opts.requiredString('network');
  await ctx.attempt(`Failed to start network ${name}`, () => conn.networkCreate(net));
  ctx.printExtra(`Network ${name} started\n`);
  return true;
};

export const netDestroy: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const name = opts.requiredString('network');
  await ctx.attempt(`Failed to destroy network ${name}`, () => conn.networkDestroy(net));
  ctx.printExtra(`Network ${name} destroyed\n`);
  return true;
};

export const netAutostart: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const name = opts.requiredString('network');
  const autostart = !opts.bool('disable');
  await ctx.attempt(`failed to ${autostart ? 'mark' : 'unmark'} network ${name} as autostarted`, () =>
    conn.networkSetAutostart(net, autostart),
  );
  ctx.printExtra(`Network ${name} ${autostart ? 'marked' : 'unmarked'} as autostarted\n`);
  return true;
};
