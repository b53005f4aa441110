import { existsSync, statSync } from 'node:fs';
import { virErr } from '../../core/errors.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import type { Connection } from '../../core/api/connection.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { exclusive, optDomain, requireOpt } from './util.js';
import { formatAddress, parseAddress, type Address } from './address.js';
import { parseRate, type Rate } from './rate.js';

/** --persistent/--config/--live/--current after virsh's exclusivity checks. */
export function deviceFlags(ctx: CommandContext, opts: CommandOptions): number | undefined {
  if (
    !exclusive(ctx, opts, 'persistent', 'current') ||
    !exclusive(ctx, opts, 'current', 'live') ||
    !exclusive(ctx, opts, 'current', 'config')
  ) {
    return undefined;
  }
  return (opts.bool('config') || opts.bool('persistent') ? 2 : 0) | (opts.bool('live') ? 1 : 0);
}

/** virsh's --persistent: the config, and the live domain too when it runs (AFFECT_LIVE). */
export async function withPersistent(conn: Connection, dom: DomainHandle, opts: CommandOptions, flags: number): Promise<number> {
  return opts.bool('persistent') && (await conn.domainIsActive(dom)) ? flags | 1 : flags;
}

/**
 * Looks the domain up, then attaches the XML `readXml` gives (read only after the lookup, as
 * virsh does): the flags variant when any flag (or --current) was given, else the old API.
 */
export async function attachXml(
  ctx: CommandContext,
  opts: CommandOptions,
  flags: number,
  readXml: () => Promise<string>,
  what: string,
): Promise<boolean> {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const f = await withPersistent(conn, dom, opts, flags);
  const xml = await readXml();
  await ctx.attempt(what, () =>
    f || opts.bool('current') ? conn.domainAttachDeviceFlags(dom, xml, f) : conn.domainAttachDevice(dom, xml),
  );
  return true;
}

export const attachDevice: Handler = async (ctx, opts) => {
  const flags = deviceFlags(ctx, opts);
  if (flags === undefined) return false;
  const from = opts.requiredString('file');
  if (!(await attachXml(ctx, opts, flags, () => ctx.readFile(from), `Failed to attach device from ${from}`))) return false;
  ctx.printExtra('Device attached successfully\n');
  return true;
};

const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
/** virBufferEscapeString: the attribute only when the value is present. */
const optAttr = (name: string, v: string | undefined) => (v === undefined ? '' : ` ${name}='${escAttr(v)}'`);

/** virXMLFormatElement: nothing when empty, `<x a/>` without children, else open/close. */
function element(name: string, attrs: string, children: string[], indent: string): string {
  if (!attrs && children.length === 0) return '';
  if (children.length === 0) return `${indent}<${name}${attrs}/>\n`;
  return `${indent}<${name}${attrs}>\n${children.join('')}${indent}</${name}>\n`;
}

/** cmdAttachDiskFormatAddress: the address kind must suit the target's bus prefix. */
function diskAddress(ctx: CommandContext, text: string, target: string, multifunction: boolean): string | undefined {
  const addr = parseAddress(text, multifunction);
  if (!addr) {
    ctx.error('Invalid address.');
    return undefined;
  }
  const need: Array<[string, Address['type'][], string]> = [
    ['vd', ['pci', 'ccw'], 'expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.'],
    ['sd', ['scsi', 'usb', 'sata'], 'expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.'],
    ['hd', ['ide'], 'expecting an ide:00.00.00 address.'],
  ];
  for (const [prefix, kinds, msg] of need) {
    if (target.startsWith(prefix) && !kinds.includes(addr.type)) {
      ctx.error(msg);
      return undefined;
    }
  }
  return formatAddress(addr);
}

const SOURCE_TYPES = ['', 'file', 'block', 'network'];

/** virValidateWWN: 16 hex digits, optional 0x prefix. */
const validWWN = (s: string) => /^(0x)?[0-9a-fA-F]{16}$/.test(s);

export const attachDisk: Handler = async (ctx, opts) => {
  const flags = deviceFlags(ctx, opts);
  if (flags === undefined) return false;
  if (
    !requireOpt(ctx, opts, 'source-host-name', 'source-protocol') ||
    !requireOpt(ctx, opts, 'source-host-transport', 'source-protocol') ||
    !requireOpt(ctx, opts, 'source-host-socket', 'source-protocol') ||
    !requireOpt(ctx, opts, 'source-host-socket', 'source-host-transport') ||
    !exclusive(ctx, opts, 'source-host-name', 'source-host-socket')
  ) {
    return false;
  }
  const s = (n: string) => opts.string(n);
  const source = s('source');
  const target = opts.requiredString('target');
  const [driver, subdriver, device, mode, iothread, cache, io, serial, wwn, straddr, targetbus, alias, stype] = [
    'driver', 'subdriver', 'type', 'mode', 'iothread', 'cache', 'io', 'serial', 'wwn', 'address', 'targetbus', 'alias', 'sourcetype',
  ].map(s);
  const [protocol, hostName, hostTransport, hostSocket] = ['source-protocol', 'source-host-name', 'source-host-transport', 'source-host-socket'].map(s);
  let type = 0;
  if (stype !== undefined) {
    type = SOURCE_TYPES.indexOf(stype);
    if (type < 0) {
      ctx.error(`Unknown source type: '${stype}'`);
      return false;
    }
  }
  if (type === 0) {
    const isBlock = () => {
      try {
        return source !== undefined && existsSync(source) && statSync(source).isBlockDevice();
      } catch {
        return false;
      }
    };
    if (protocol !== undefined) type = 3;
    else if (driver !== 'file' && driver !== 'tap' && isBlock()) type = 2;
    else type = 1;
  }
  if ((type === 3) !== (protocol !== undefined)) {
    ctx.error('--source-protocol option requires --sourcetype network');
    return false;
  }
  if (mode !== undefined && mode !== 'readonly' && mode !== 'shareable') {
    ctx.error(`No support for ${mode} in command 'attach-disk'`);
    return false;
  }
  if (wwn !== undefined && !validWWN(wwn)) throw virErr('INTERNAL_ERROR', `Malformed wwn: ${wwn}`);
  const children: string[] = [];
  const ind = '  ';
  children.push(
    element('driver', optAttr('name', driver) + optAttr('type', subdriver) + optAttr('iothread', iothread) + optAttr('cache', cache) + optAttr('io', io), [], ind),
  );
  let srcAttrs = '';
  const srcChildren: string[] = [];
  if (type === 1) srcAttrs = optAttr('file', source);
  else if (type === 2) srcAttrs = optAttr('dev', source);
  else if (type === 3) {
    srcAttrs = optAttr('protocol', protocol) + optAttr('name', source);
    let hostAttrs = optAttr('transport', hostTransport) + optAttr('socket', hostSocket);
    if (hostName !== undefined) {
      const colon = hostName.indexOf(':');
      hostAttrs += optAttr('name', colon < 0 ? hostName : hostName.slice(0, colon));
      hostAttrs += optAttr('port', colon < 0 ? undefined : hostName.slice(colon + 1));
    }
    srcChildren.push(element('host', hostAttrs, [], ind + ind));
  }
  children.push(element('source', srcAttrs, srcChildren.filter(Boolean), ind));
  children.push(`${ind}<target dev='${target}'${targetbus !== undefined ? ` bus='${targetbus}'` : ''}/>\n`);
  if (mode !== undefined) children.push(`${ind}<${mode}/>\n`);
  if (serial !== undefined) children.push(`${ind}<serial>${serial}</serial>\n`);
  if (alias !== undefined) children.push(`${ind}<alias name='${alias}'/>\n`);
  if (wwn !== undefined) children.push(`${ind}<wwn>${wwn}</wwn>\n`);
  if (straddr !== undefined) {
    const a = diskAddress(ctx, straddr, target, opts.bool('multifunction'));
    if (a === undefined) return false;
    children.push(`${ind}${a}`);
  }
  const diskAttrs = ` type='${SOURCE_TYPES[type]}'` + optAttr('device', device) + (opts.bool('rawio') ? " rawio='yes'" : '');
  const xml = element('disk', diskAttrs, children.filter(Boolean), '');
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  if (!(await attachXml(ctx, opts, flags, async () => xml, 'Failed to attach disk'))) return false;
  ctx.printExtra('Disk attached successfully\n');
  return true;
};

/** virDomainNetType names attach-interface accepts a source for. */
const NET_TYPES = [
  'user', 'ethernet', 'vhostuser', 'server', 'client', 'mcast', 'network', 'bridge', 'internal', 'direct',
  'hostdev', 'udp', 'vdpa', 'null', 'vds',
];

export const attachInterface: Handler = async (ctx, opts) => {
  const flags = deviceFlags(ctx, opts);
  if (flags === undefined) return false;
  const [type, source, target, mac, script, model, alias, inboundStr, outboundStr, sourceModeStr] = [
    'type', 'source', 'target', 'mac', 'script', 'model', 'alias', 'inbound', 'outbound', 'source-mode',
  ].map((n) => opts.string(n));
  if (!NET_TYPES.includes(type!)) {
    ctx.error(`No support for ${type} in command 'attach-interface'`);
    return false;
  }
  let sourceMode: string | undefined;
  if (sourceModeStr !== undefined) {
    if (sourceModeStr !== 'server' && sourceModeStr !== 'client') {
      ctx.error(`Invalid source mode: ${sourceModeStr}`);
      return false;
    }
    sourceMode = sourceModeStr;
  }
  let inbound: Rate | undefined;
  let outbound: Rate | undefined;
  if (inboundStr !== undefined) {
    inbound = parseRate(ctx, inboundStr);
    if (!inbound) return false;
    if (!inbound.average && !inbound.floor) {
      ctx.error('either inbound average or floor is mandatory');
      return false;
    }
  }
  if (outboundStr !== undefined) {
    outbound = parseRate(ctx, outboundStr);
    if (!outbound) return false;
    if (outbound.average === 0n) {
      ctx.error('outbound average is mandatory');
      return false;
    }
    if (outbound.floor) {
      ctx.error('outbound floor is unsupported yet');
      return false;
    }
  }
  let xml = `<interface type='${type}'${opts.bool('managed') ? " managed='yes'" : ''}>\n`;
  switch (type) {
    case 'network':
    case 'bridge':
      xml += `  <source ${type}='${source}'/>\n`;
      break;
    case 'direct':
      xml += `  <source dev='${source}'/>\n`;
      break;
    case 'hostdev': {
      const addr = parseAddress(`pci:${source}`, false);
      if (!addr) {
        ctx.error(`cannot parse pci address '${source}' for network interface`);
        return false;
      }
      xml += `  <source>\n    ${formatAddress(addr)}  </source>\n`;
      break;
    }
    case 'vhostuser':
      if (sourceMode === undefined) {
        ctx.error('source-mode is mandatory');
        return false;
      }
      xml += `  <source type='unix' path='${source}' mode='${sourceMode}'/>\n`;
      break;
    default:
      ctx.error(`No support for ${type} in command 'attach-interface'`);
      return false;
  }
  if (target !== undefined) xml += `  <target dev='${target}'/>\n`;
  if (mac !== undefined) xml += `  <mac address='${mac}'/>\n`;
  if (script !== undefined) xml += `  <script path='${script}'/>\n`;
  if (model !== undefined) xml += `  <model type='${model}'/>\n`;
  if (alias !== undefined) xml += `  <alias name='${alias}'/>\n`;
  if (inbound || outbound) {
    xml += '  <bandwidth>\n';
    if (inbound && (inbound.average || inbound.floor)) {
      xml += '    <inbound';
      if (inbound.average > 0n) xml += ` average='${inbound.average}'`;
      if (inbound.peak > 0n) xml += ` peak='${inbound.peak}'`;
      if (inbound.burst > 0n) xml += ` burst='${inbound.burst}'`;
      if (inbound.floor > 0n) xml += ` floor='${inbound.floor}'`;
      xml += '/>\n';
    }
    if (outbound && outbound.average > 0n) {
      xml += `    <outbound average='${outbound.average}'`;
      if (outbound.peak > 0n) xml += ` peak='${outbound.peak}'`;
      if (outbound.burst > 0n) xml += ` burst='${outbound.burst}'`;
      xml += '/>\n';
    }
    xml += '  </bandwidth>\n';
  }
  xml += '</interface>\n';
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  if (!(await attachXml(ctx, opts, flags, async () => xml, 'Failed to attach interface'))) return false;
  ctx.printExtra('Interface attached successfully\n');
  return true;
};
