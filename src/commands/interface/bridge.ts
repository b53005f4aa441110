/** iface-bridge / iface-unbridge: rewrite an interface's XML to add or drop a bridge. */
import { InterfaceXMLFlags } from '../../core/api/interface.js';
import { parseXmlDocument } from '../../core/xml/parse.js';
import { child, children, type XNode } from '../../core/xml/tree.js';
import { XmlWriter } from '../../core/xml/writer.js';
import { writeRaw } from '../../core/xml/network/raw.js';
import type { CommandContext, Handler } from '../types.js';
import { optInterface } from './lookup.js';

/** Elements that travel between the outer and the enslaved interface. */
const MOVABLE = ['mac', 'bond', 'vlan'];

function serialize(node: XNode): string {
  const w = new XmlWriter();
  writeRaw(w, node);
  return w.toString();
}

function parseConfig(ctx: CommandContext, xml: string, docName: string, who: string): XNode | undefined {
  try {
    return parseXmlDocument(xml, docName);
  } catch {
    ctx.error(`Failed to parse configuration of ${who}`);
    return undefined;
  }
}

export const ifaceBridge: Handler = async (ctx, opts) => {
  const iface = await optInterface(ctx, opts, { name: true, mac: false });
  if (!iface) return false;
  const ifName = opts.requiredString('interface');
  const brName = opts.requiredString('bridge');
  const conn = await ctx.conn();
  // The expected "no such interface" stays pending, as libvirt's last error does in virsh:
  // it is what the shell reports if the command then fails without an error of its own.
  let pending: unknown;
  const exists = await conn.interfaceLookupByName(brName).then(
    () => true,
    (e: unknown) => {
      pending = e;
      return false;
    },
  );
  if (exists) {
    ctx.error(`Network device ${brName} already exists`);
    return false;
  }
  const stp = !opts.bool('no-stp');
  let delay: number;
  try {
    delay = opts.uint('delay') ?? 0;
  } catch (e) {
    ctx.error((e as Error).message);
    throw pending;
  }
  const noStart = opts.bool('no-start');
  const xml = await conn.interfaceGetXMLDesc(iface, InterfaceXMLFlags.INACTIVE);
  const top = parseConfig(ctx, xml, '(interface definition)', ifName);
  if (!top) return false;
  const ifType = top.attrs.type;
  if (ifType === undefined) {
    ctx.error(`Existing device ${ifName} has no type`);
    return false;
  }
  if (ifType === 'bridge') {
    ctx.error(`Existing device ${ifName} is already a bridge`);
    return false;
  }
  if (top.attrs.name !== ifName) {
    ctx.error(`Interface name from config ${top.attrs.name ?? '(null)'} doesn't match given supplied name ${ifName}`);
    return false;
  }
  const enslaved: XNode = {
    name: 'interface',
    attrs: { type: ifType, name: ifName },
    children: top.children.filter((c) => MOVABLE.includes(c.name)),
    text: '',
  };
  const bridge: XNode = {
    name: 'bridge',
    attrs: stp ? { stp: 'on', delay: String(delay) } : { stp: 'off' },
    children: [enslaved],
    text: '',
  };
  const outer: XNode = {
    name: 'interface',
    attrs: { ...top.attrs, type: 'bridge', name: brName },
    children: [...top.children.filter((c) => !MOVABLE.includes(c.name)), bridge],
    text: '',
  };
  const br = await ctx.attempt(`Failed to define new bridge interface ${brName}`, () =>
    conn.interfaceDefineXML(serialize(outer), 0),
  );
  ctx.printExtra(`Created bridge ${brName} with attached device ${ifName}\n`);
  if (!noStart) {
    await ctx.attempt(`Failed to start bridge interface ${brName}`, () => conn.interfaceCreate(br, 0));
    ctx.printExtra(`Bridge interface ${brName} started\n`);
  }
  return true;
};

export const ifaceUnbridge: Handler = async (ctx, opts) => {
  const br = await optInterface(ctx, opts, { name: true, mac: false }, 'bridge');
  if (!br) return false;
  const brName = opts.requiredString('bridge');
  const noStart = opts.bool('no-start');
  const conn = await ctx.conn();
  const xml = await conn.interfaceGetXMLDesc(br, InterfaceXMLFlags.INACTIVE);
  const top = parseConfig(ctx, xml, '(bridge interface definition)', brName);
  if (!top) return false;
  if (top.attrs.type === undefined) {
    ctx.error(`Existing device ${brName} has no type`);
    return false;
  }
  if (top.attrs.type !== 'bridge') {
    ctx.error(`Device ${brName} is not a bridge`);
    return false;
  }
  if (top.attrs.name !== brName) {
    ctx.error(`Interface name from config ${top.attrs.name ?? '(null)'} doesn't match given supplied name ${brName}`);
    return false;
  }
  const bridgeNode = child(top, 'bridge');
  if (!bridgeNode) {
    ctx.error('No bridge node in xml document');
    return false;
  }
  const attached = children(bridgeNode, 'interface');
  if (attached.length > 1) {
    ctx.error('Multiple interfaces attached to bridge');
    return false;
  }
  if (attached.length === 0) {
    ctx.error('No interface attached to bridge');
    return false;
  }
  const ifNode = attached[0];
  const ifName = ifNode.attrs.name;
  if (ifName === undefined) {
    ctx.error(`Device attached to bridge ${brName} has no name`);
    return false;
  }
  const ifType = ifNode.attrs.type;
  if (ifType === undefined) {
    ctx.error(`Attached device ${ifName} has no type`);
    return false;
  }
  const moved = ifNode.children.filter((c) => MOVABLE.includes(c.name));
  const remaining: XNode = { ...ifNode, children: ifNode.children.filter((c) => !MOVABLE.includes(c.name)) };
  const newTop: XNode = {
    ...top,
    attrs: { ...top.attrs, type: ifType, name: ifName },
    children: [...top.children.map((c) => (c === bridgeNode ? { ...bridgeNode, children: [remaining] } : c)), ...moved],
  };
  await ctx.attempt(`Failed to destroy bridge interface ${brName}`, () => conn.interfaceDestroy(br, 0));
  await ctx.attempt(`Failed to undefine bridge interface ${brName}`, () => conn.interfaceUndefine(br));
  const iface = await ctx.attempt(`Failed to define new interface ${ifName}`, () => conn.interfaceDefineXML(serialize(newTop), 0));
  ctx.printExtra(`Device ${ifName} un-attached from bridge ${brName}\n`);
  if (!noStart) {
    await ctx.attempt(`Failed to start interface ${ifName}`, () => conn.interfaceCreate(iface, 0));
    ctx.printExtra(`Interface ${ifName} started\n`);
  }
  return true;
};
