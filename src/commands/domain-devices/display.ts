import { child, children, parseTree } from '../../core/xml/tree.js';
import type { Handler } from '../types.js';
import { domainXml } from './xml.js';
import { optDomain } from './util.js';

export const vncdisplay: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  if (!(await conn.domainIsActive(dom))) {
    ctx.error('Domain is not running');
    return false;
  }
  const root = parseTree(await conn.domainGetXMLDesc(dom, 0));
  const vnc = children(child(root, 'devices'), 'graphics').find((g) => g.attrs.type === 'vnc');
  const port = vnc?.attrs.port;
  if (port === undefined || !/^\s*[-+]?\d+$/.test(port)) {
    ctx.error('Failed to get VNC port. Is this domain using VNC?');
    return false;
  }
  const listen = vnc?.attrs.listen ?? child(vnc, 'listen')?.attrs.address;
  const display = Number(port) - 5900;
  ctx.print(listen === undefined || listen === '0.0.0.0' ? `:${display}\n` : `${listen}:${display}\n`);
  return true;
};

export const ttyconsole: Handler = async (ctx, opts) => {
  const got = await domainXml(ctx, opts, 0);
  if (!got) return false;
  const tty = child(child(got.root, 'devices'), 'console')?.attrs.tty;
  if (!tty) return false;
  ctx.print(`${tty}\n`);
  return true;
};

export const consoleCmd: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const devname = opts.string('devname') ?? null;
  const flags = (opts.bool('force') ? 1 : 0) | (opts.bool('safe') ? 2 : 0);
  const conn = await ctx.conn();
  let state: number;
  try {
    state = (await conn.domainGetState(dom, 0)).state;
  } catch {
    ctx.error('Unable to get domain status');
    return false;
  }
  if (state === 5) {
    ctx.error('The domain is not running');
    return false;
  }
  if (!process.stdin.isTTY) {
    ctx.error('Cannot run interactive console without a controlling TTY');
    return false;
  }
  ctx.printExtra(`Connected to domain '${dom.name}'\nEscape character is ^] (Ctrl + ])\n`);
  await conn.domainOpenConsole(dom, devname, flags);
  return true;
};
