import type { HandlerTable } from '../types.js';
import { left } from '../host/printf.js';
import { findNodeDevice, nodeDeviceByName } from './lookup.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';

/** VIR_NODE_DEVICE_CREATE_XML_VALIDATE / VIR_NODE_DEVICE_DEFINE_XML_VALIDATE */
const XML_VALIDATE = 1;

export const nodedevCommands: HandlerTable = {
  'nodedev-create': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const xml = await ctx.readFile(file);
    const flags = opts.bool('validate') ? XML_VALIDATE : 0;
    const conn = await ctx.conn();
    const dev = await ctx.attempt(`Failed to create node device from ${file}`, () => conn.nodeDeviceCreateXML(xml, flags));
    ctx.printExtra(`Node device ${dev.name} created from ${file}\n`);
    return true;
  },

  'nodedev-define': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const xml = await ctx.readFile(file);
    const flags = opts.bool('validate') ? XML_VALIDATE : 0;
    const conn = await ctx.conn();
    const dev = await ctx.attempt(`Failed to define node device from '${file}'`, () => conn.nodeDeviceDefineXML(xml, flags));
    ctx.printExtra(`Node device '${dev.name}' defined from '${file}'\n`);
    return true;
  },

  'nodedev-destroy': async (ctx, opts) => {
    const value = opts.requiredString('device');
    const dev = await findNodeDevice(ctx, value);
    if (!dev) return false;
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to destroy node device '${value}'`, () => conn.nodeDeviceDestroy(dev));
    ctx.printExtra(`Destroyed node device '${value}'\n`);
    return true;
  },

  'nodedev-undefine': async (ctx, opts) => {
    const value = opts.requiredString('device');
    const dev = await findNodeDevice(ctx, value);
    if (!dev) return false;
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to undefine node device '${value}'`, () => conn.nodeDeviceUndefine(dev, 0));
    ctx.printExtra(`Undefined node device '${value}'\n`);
    return true;
  },

  'nodedev-dumpxml': async (ctx, opts) => {
    const value = opts.requiredString('device');
    const xpath = xpathOption(opts);
    if (xpath === null) return false;
    const dev = await findNodeDevice(ctx, value);
    if (!dev) return false;
    const conn = await ctx.conn();
    return virshDumpXML(ctx, await conn.nodeDeviceGetXMLDesc(dev, 0), 'node-device', xpath, opts.bool('wrap'));
  },

  'nodedev-detach': async (ctx, opts) => {
    const name = opts.requiredString('device');
    const driver = opts.stringQuiet('driver');
    const dev = await nodeDeviceByName(ctx, name);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to detach device ${name}`, () =>
      // The old call (misspelled in libvirt's API) unless a backend driver is named.
      driver !== undefined ? conn.nodeDeviceDetachFlags(dev, driver, 0) : conn.nodeDeviceDettach(dev),
    );
    ctx.printExtra(`Device ${name} detached\n`);
    return true;
  },

  'nodedev-reattach': async (ctx, opts) => {
    const name = opts.requiredString('device');
    const dev = await nodeDeviceByName(ctx, name);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to re-attach device ${name}`, () => conn.nodeDeviceReAttach(dev));
    ctx.printExtra(`Device ${name} re-attached\n`);
    return true;
  },

  'nodedev-reset': async (ctx, opts) => {
    const name = opts.requiredString('device');
    const dev = await nodeDeviceByName(ctx, name);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to reset device ${name}`, () => conn.nodeDeviceReset(dev));
    ctx.printExtra(`Device ${name} reset\n`);
    return true;
  },

  'nodedev-start': async (ctx, opts) => {
    const name = opts.requiredString('device');
    const dev = await nodeDeviceByName(ctx, name);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to start device ${name}`, () => conn.nodeDeviceCreate(dev, 0));
    ctx.printExtra(`Device ${name} started\n`);
    return true;
  },

  'nodedev-autostart': async (ctx, opts) => {
    const name = opts.requiredString('device');
    const dev = await findNodeDevice(ctx, name);
    if (!dev) return false;
    const on = !opts.bool('disable');
    const conn = await ctx.conn();
    await ctx.attempt(on ? `failed to mark device ${name} as autostarted` : `failed to unmark device ${name} as autostarted`, () =>
      conn.nodeDeviceSetAutostart(dev, on),
    );
    ctx.printExtra(on ? `Device ${name} marked as autostarted\n` : `Device ${name} unmarked as autostarted\n`);
    return true;
  },

  'nodedev-info': async (ctx, opts) => {
    const value = opts.requiredString('device');
    const dev = await findNodeDevice(ctx, value);
    if (!dev) return false;
    const conn = await ctx.conn();
    const parent = await conn.nodeDeviceGetParent(dev).catch(() => '');
    // libvirt's -1 (error) reads as true in virsh's tests of IsActive and IsPersistent.
    const active = await conn.nodeDeviceIsActive(dev).catch(() => true);
    const persistent = await conn.nodeDeviceIsPersistent(dev).catch(() => true);
    const autostart = await conn.nodeDeviceGetAutostart(dev).catch(() => undefined);
    const row = (label: string, value: string) => ctx.print(`${left(label, 15)} ${value}\n`);
    row('Name:', dev.name);
    row('Parent:', parent);
    row('Active:', active ? 'yes' : 'no');
    row('Persistent:', persistent ? 'yes' : 'no');
    row('Autostart:', autostart === undefined ? 'no autostart' : autostart ? 'yes' : 'no');
    return true;
  },
};
