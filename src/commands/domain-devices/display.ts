import { child, children, parseTree, type XNode } from '../../core/xml/tree.js';
import type { Handler } from '../types.js';
import { domainXml } from './xml.js';
import { runConsole } from '../domain/console.js';
import { exclusive, optDomain } from './util.js';

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
  return runConsole(ctx, await ctx.conn(), dom, devname, flags);
};

/** The value of attribute `name` (or of `<listen attr>`) of the first graphics of `type`. */
function graphicsOf(root: XNode, type: string): XNode | undefined {
  return children(child(root, 'devices'), 'graphics').find((g) => g.attrs.type === type);
}

/** virXPathInt on an attribute: the number, or 0 when absent or not a number. */
function intAttr(v: string | undefined): number {
  return v !== undefined && /^\s*[-+]?\d+$/.test(v) ? Number(v) : 0;
}

/** virshGetOneDisplay: the URI for one graphics type, or undefined when it has none. */
function oneDisplay(ctx: Parameters<Handler>[0], root: XNode, scheme: string, uriServer: string | undefined): string | undefined {
  const g = graphicsOf(root, scheme);
  if (scheme === 'dbus') {
    const addr = g?.attrs.address;
    if (addr === undefined) return undefined;
    if (addr.startsWith('unix:path=')) return `dbus+unix://${addr.slice(10)}`;
    ctx.error(`'${addr}' D-Bus address is not handled`);
    return undefined;
  }
  let port = intAttr(g?.attrs.port);
  const tlsPort = intAttr(g?.attrs.tlsPort);
  let listen = g?.attrs.listen;
  const listenEl = child(g, 'listen');
  const sockpath = listenEl?.attrs.type === 'socket' ? listenEl.attrs.socket : undefined;
  if (!port && !tlsPort && !sockpath) return undefined;
  if (listen === undefined) listen = listenEl?.attrs.address;
  else if (isWildcard(listen)) listen = uriServer;
  const passwd = g?.attrs.passwd;
  let uri = sockpath ? `${scheme}+unix://` : `${scheme}://`;
  if (scheme === 'vnc' && passwd !== undefined) uri += `:${passwd}@`;
  if (sockpath) uri += sockpath;
  else if (listen === undefined) uri += 'localhost';
  else uri += listen.includes(':') ? `[${listen}]` : listen;
  if (port) {
    if (scheme === 'vnc') port -= 5900;
    uri += `:${port}`;
  }
  const query: string[] = [];
  if (tlsPort) query.push(`tls-port=${tlsPort}`);
  if (scheme === 'spice' && passwd !== undefined) query.push(`password=${passwd}`);
  return query.length ? `${uri}?${query.join('&')}` : uri;
}

const isWildcard = (a: string) => a === '0.0.0.0' || /^[0:]+$/.test(a.replace(/^\[|\]$/g, '')) && a.includes(':');

export const domdisplay: Handler = async (ctx, opts) => {
  if (!exclusive(ctx, opts, 'all', 'type')) return false;
  const all = opts.bool('all');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  if (!(await conn.domainIsActive(dom))) {
    ctx.error('Domain is not running');
    return false;
  }
  const type = opts.string('type');
  const root = parseTree(await conn.domainGetXMLDesc(dom, opts.bool('include-password') ? 1 : 0));
  const server = hostOfUri(await conn.getURI());
  let found = false;
  for (const scheme of ['vnc', 'spice', 'rdp', 'dbus']) {
    if (!all && type !== undefined && type !== scheme) continue;
    const display = oneDisplay(ctx, root, scheme, server);
    if (display === undefined) continue;
    ctx.print(display);
    found = true;
    if (!all) break;
    ctx.print('\n');
  }
  if (!found) ctx.error(type !== undefined ? `No graphical display with type '${type}' found` : 'No graphical display found');
  return found;
};

/** The server part of a connection URI (virURIParse's `server`), if any. */
function hostOfUri(uri: string): string | undefined {
  const m = /^[^:]+:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?]*)/.exec(uri);
  const host = m?.[1].replace(/^\[|\]$/g, '');
  return host ? host : undefined;
}
