import { InterfaceDefineFlags } from '../../core/api/interface.js';
import type { Handler } from '../types.js';
import { optInterface } from './lookup.js';

export const ifaceDefine: Handler = async (ctx, opts) => {
  const file = opts.requiredString('file');
  const flags = opts.bool('validate') ? InterfaceDefineFlags.VALIDATE : 0;
  const xml = await ctx.readFile(file);
  const conn = await ctx.conn();
  const iface = await ctx.attempt(`Failed to define interface from ${file}`, () => conn.interfaceDefineXML(xml, flags));
  ctx.printExtra(`Interface ${iface.name} defined from ${file}\n`);
  return true;
};

export const ifaceUndefine: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts);
  if (!iface) return false;
  const name = opts.requiredString('interface');
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to undefine interface ${name}`, () => conn.interfaceUndefine(iface));
  ctx.printExtra(`Interface ${name} undefined\n`);
  return true;
};

export const ifaceStart: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts);
  if (!iface) return false;
  const name = opts.requiredString('interface');
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to start interface ${name}`, () => conn.interfaceCreate(iface, 0));
  ctx.printExtra(`Interface ${name} started\n`);
  return true;
};

export const ifaceDestroy: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts);
  if (!iface) return false;
  const name = opts.requiredString('interface');
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to destroy interface ${name}`, () => conn.interfaceDestroy(iface, 0));
  ctx.printExtra(`Interface ${name} destroyed\n`);
  // virsh 9.0's cmdInterfaceDestroy reports failure after destroying: scripts see exit 1.
  return false;
};

export const ifaceBegin: Handler = async (ctx) => {
  const conn = await ctx.conn();
  await ctx.attempt('Failed to begin network config change transaction', () => conn.interfaceChangeBegin(0));
  ctx.printExtra('Network config change transaction started\n');
  return true;
};

export const ifaceCommit: Handler = async (ctx) => {
  const conn = await ctx.conn();
  await ctx.attempt('Failed to commit network config change transaction', () => conn.interfaceChangeCommit(0));
  ctx.printExtra('Network config change transaction committed\n');
  return true;
};

export const ifaceRollback: Handler = async (ctx) => {
  const conn = await ctx.conn();
  await ctx.attempt('Failed to rollback network config change transaction', () => conn.interfaceChangeRollback(0));
  ctx.printExtra('Network config change transaction rolled back\n');
  return true;
};
