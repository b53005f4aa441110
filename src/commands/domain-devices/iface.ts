import { child, children } from '../../core/xml/tree.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { domainXml, firstAttr } from './xml.js';
import { formatTable, optDomain } from './util.js';
import { parseMAC } from '../../core/xml/ids.js';
import { dumpRaw, elChildren, parseRaw, rawAttr, setRawAttr } from './rawxml.js';

export const domiflist: Handler = async (ctx, opts) => {
  const got = await domainXml(ctx, opts, opts.bool('inactive') ? 2 : 0);
  if (!got) return false;
  const ifaces = children(child(got.root, 'devices'), 'interface').map((n) => ({
    interface: child(n, 'target')?.attrs.dev ?? null,
    type: n.attrs.type ?? '',
    source: firstAttr(child(n, 'source'), ['bridge', 'dev', 'network', 'name', 'path']) ?? null,
    model: child(n, 'model')?.attrs.type ?? null,
    mac: child(n, 'mac')?.attrs.address ?? null,
  }));
  emit(ctx, opts, ifaces, (list) => {
    const rows = list.map((i) => [i.interface ?? '-', i.type, i.source ?? '-', i.model ?? '-', i.mac ?? '-']);
    return formatTable(['Interface', 'Type', 'Source', 'Model', 'MAC'], rows, !ctx.shell.quiet);
  });
  return true;
};

export const domifstat: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const device = opts.requiredString('interface');
  const conn = await ctx.conn();
  const s = await ctx.attempt(`Failed to get interface stats ${name} ${device}`, () => conn.domainInterfaceStats(dom, device));
  const fields: Array<[string, bigint]> = [
    ['rx_bytes', s.rxBytes],
    ['rx_packets', s.rxPackets],
    ['rx_errs', s.rxErrs],
    ['rx_drop', s.rxDrop],
    ['tx_bytes', s.txBytes],
    ['tx_packets', s.txPackets],
    ['tx_errs', s.txErrs],
    ['tx_drop', s.txDrop],
  ];
  for (const [f, v] of fields) if (v >= 0n) ctx.print(`${device} ${f} ${v}\n`);
  return true;
};

export const domifGetlink: Handler = async (ctx, opts) => {
  const iface = opts.requiredString('interface');
  const got = await domainXml(ctx, opts, opts.bool('config') ? 2 : 0);
  if (!got) return false;
  const mac = parseMAC(iface);
  const matches = children(child(got.root, 'devices'), 'interface').filter(
    (n) => (mac !== undefined && child(n, 'mac')?.attrs.address === mac) || child(n, 'target')?.attrs.dev === iface,
  );
  if (matches.length === 0) {
    ctx.error(mac ? `Interface (mac: ${mac}) not found.` : `Interface (dev: ${iface}) not found.`);
    return false;
  }
  if (matches.length > 1) {
    ctx.error('multiple matching interfaces found');
    return false;
  }
  ctx.print(`${iface} ${child(matches[0], 'link')?.attrs.state ?? 'up'}`);
  return true;
};

export const domifSetlink: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const iface = opts.requiredString('interface');
  const state = opts.requiredString('state');
  if (state !== 'up' && state !== 'down') {
    ctx.error(`invalid link state '${state}'`);
    return false;
  }
  const conn = await ctx.conn();
  const config = opts.bool('config');
  let flags = config ? 2 : 1;
  if (!(await conn.domainIsActive(dom))) flags = 2;
  const root = parseRaw(await conn.domainGetXMLDesc(dom, config ? 2 : 0));
  const nets = elChildren(elChildren(root, 'devices')[0], 'interface');
  if (nets.length === 0) {
    ctx.error('Failed to extract interface information or no interfaces found');
    return false;
  }
  const lc = iface.toLowerCase();
  const node = nets.find(
    (n) =>
      rawAttr(elChildren(n, 'mac')[0], 'address')?.toLowerCase() === lc ||
      rawAttr(elChildren(n, 'target')[0], 'dev')?.toLowerCase() === lc,
  );
  if (!node) {
    ctx.error(`interface '${iface}' not found`);
    return false;
  }
  let link = elChildren(node, 'link')[0];
  if (!link) {
    link = { name: 'link', attrs: [], children: [] };
    node.children.push(link);
  }
  setRawAttr(link, 'state', state);
  const xml = dumpRaw(node);
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  await ctx.attempt('Failed to update interface link state', () => conn.domainUpdateDeviceFlags(dom, xml, flags));
  ctx.printExtra('Device updated successfully\n');
  return true;
};

const ADDR_SOURCES = ['lease', 'agent', 'arp'];

export const domifaddr: Handler = async (ctx, opts) => {
  const ifaceName = opts.string('interface');
  const sourceStr = opts.string('source');
  const full = opts.bool('full');
  let source = 0;
  if (sourceStr !== undefined) {
    source = ADDR_SOURCES.indexOf(sourceStr);
    if (source < 0) {
      ctx.error(`Unknown data source '${sourceStr}'`);
      return false;
    }
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const ifaces = await ctx.attempt('Failed to query for interfaces addresses', () => conn.domainInterfaceAddresses(dom, source, 0));
  ctx.printExtra(
    ` ${'Name'.padEnd(10)} ${'MAC address'.padEnd(20)} ${'Protocol'.padEnd(8)}     Address\n` +
      '-------------------------------------------------------------------------------\n',
  );
  for (const i of ifaces) {
    if (ifaceName !== undefined && ifaceName !== i.name) continue;
    if (i.addrs.length === 0) {
      ctx.print(` ${i.name.padEnd(10)} ${(i.hwaddr ?? 'N/A').padEnd(17)}    ${'N/A'.padEnd(12)} N/A\n`);
      continue;
    }
    i.addrs.forEach((a, j) => {
      const addr = `${(a.type === 0 ? 'ipv4' : 'ipv6').padEnd(12)} ${a.addr}/${a.prefix}`;
      if (full || j === 0) ctx.print(` ${i.name.padEnd(10)} ${(i.hwaddr ?? '').padEnd(17)}    ${addr}\n`);
      else ctx.print(` ${'-'.padEnd(10)} ${'-'.padEnd(17)}    ${addr}\n`);
    });
  }
  return true;
};
