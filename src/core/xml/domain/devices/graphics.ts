import { children as childNodes } from '../../tree.js';
import { attr, elem, subs, type Elem } from '../elem.js';
import { internalError, unsupportedConfig, xmlError } from '../errors.js';
import { propEnum } from '../numbers.js';
import type { KindRule } from './rules.js';

export const GRAPHICS_TYPES = ['sdl', 'vnc', 'rdp', 'desktop', 'spice', 'egl-headless', 'dbus'];

const VIR_DOMAIN_XML_SECURE = 1;
const VIR_DOMAIN_XML_MIGRATABLE = 8;

/** Types whose listen address libvirt keeps (and defaults to an empty address listen). */
const LISTEN_TYPES = ['vnc', 'spice', 'rdp'];

/** virDomainGraphicsListen. */
const LISTEN_KINDS = ['none', 'address', 'network', 'socket'];

/** The graphics element's own attributes, in virDomainGraphicsDefFormat's order per type. */
function typeAttrs(el: Elem, flags: number, inactive: boolean): Array<[string, string | undefined]> {
  const a = (k: string) => attr(el, k);
  const listen = subs(el, 'listen')[0];
  const listenAddr = (): Array<[string, string | undefined]> => {
    if (!listen) return [];
    if (attr(listen, 'type') === 'network' && (inactive || flags & VIR_DOMAIN_XML_MIGRATABLE)) return [];
    return [['listen', attr(listen, 'address')]];
  };
  const auth: Array<[string, string | undefined]> = [
    ['passwd', flags & VIR_DOMAIN_XML_SECURE ? a('passwd') : undefined],
    ['passwdValidTo', a('passwdValidTo')],
    ['connected', a('connected')],
  ];
  switch (a('type')) {
    case 'vnc': {
      const out: Array<[string, string | undefined]> = [];
      if (listen && attr(listen, 'type') === 'socket') out.push(['socket', attr(listen, 'socket')]);
      else if (!listen || attr(listen, 'type') !== 'none') {
        const autoport = a('autoport') === 'yes';
        const port = Number(a('port') ?? 0);
        out.push(['port', port && (!autoport || !inactive) ? String(port) : autoport ? '-1' : undefined]);
        out.push(['autoport', autoport ? 'yes' : 'no']);
        out.push(['websocket', a('websocket') && a('websocket') !== '0' ? a('websocket') : undefined]);
        out.push(...listenAddr());
      }
      return [...out, ['keymap', a('keymap')], ['sharePolicy', a('sharePolicy')], ['powerControl', a('powerControl')], ...auth];
    }
    case 'spice': {
      const out: Array<[string, string | undefined]> = [];
      const lt = listen ? attr(listen, 'type') : undefined;
      // Migratable XML writes listen type 'none' the old way: autoport='no' and no ports.
      if (lt === 'none' && flags & VIR_DOMAIN_XML_MIGRATABLE) out.push(['autoport', 'no']);
      if (!listen || lt === 'address' || lt === 'network') {
        const port = Number(a('port') ?? 0);
        const tls = Number(a('tlsPort') ?? 0);
        out.push(['port', port > 0 || port === -1 ? String(port) : undefined], ['tlsPort', tls > 0 || tls === -1 ? String(tls) : undefined]);
        out.push(['autoport', a('autoport') === 'yes' ? 'yes' : 'no'], ...listenAddr());
      }
      return [...out, ['keymap', a('keymap')], ['defaultMode', a('defaultMode')], ...auth];
    }
    case 'rdp': {
      const autoport = a('autoport') === 'yes';
      const port = Number(a('port') ?? 0);
      return [['port', port ? String(port) : autoport ? '0' : undefined], ['autoport', autoport ? 'yes' : undefined], ['replaceUser', a('replaceUser') === 'yes' ? 'yes' : undefined], ['multiUser', a('multiUser') === 'yes' ? 'yes' : undefined], ...listenAddr()];
    }
    case 'sdl':
      return [['display', a('display')], ['xauth', a('xauth')], ['fullscreen', a('fullscreen') === 'yes' ? 'yes' : undefined]];
    case 'desktop':
      return [['display', a('display')], ['fullscreen', a('fullscreen') === 'yes' ? 'yes' : undefined]];
    case 'dbus':
      return [['p2p', a('p2p') === 'yes' ? 'yes' : undefined], ['address', a('address')]];
    default:
      return [];
  }
}

/**
 * virDomainGraphicsDefParseXMLVNC's port rules: -1 or no port means autoport; a persistent
 * definition forgets an autoport display's port, a running guest's status keeps the one it got.
 */
function normalizeVncPort(el: Elem, portAttr: string | undefined, autoportAttr: string | undefined, inactive: boolean): void {
  let port = 0;
  let autoport = true;
  if (portAttr !== undefined) {
    if (!/^\s*[+-]?\d+$/.test(portAttr)) throw internalError(`cannot parse vnc port ${portAttr}`);
    port = Number(portAttr);
    if (port === -1) {
      if (inactive) port = 0;
    } else autoport = false;
  }
  if (autoportAttr === 'yes' || autoportAttr === 'no') autoport = autoportAttr === 'yes';
  if (autoport && inactive) port = 0;
  el.attrs = el.attrs.filter(([k]) => k !== 'port' && k !== 'autoport');
  el.attrs.push(['port', String(port)], ['autoport', autoport ? 'yes' : 'no']);
}

export const graphicsRule: KindRule = {
  validate(n) {
    propEnum(n, 'type', GRAPHICS_TYPES, { required: true });
    // virDomainGraphicsListenDefParseXML: the legacy attributes must agree with the first <listen>.
    const listens = childNodes(n, 'listen');
    const compat: Array<[string, string, string]> = [['address', 'listen', 'address'], ['socket', 'socket', 'socket']];
    for (const l of listens) {
      const lt = propEnum(l, 'type', LISTEN_KINDS, { required: true });
      if ((lt === 'socket' || lt === 'none') && n.attrs.type !== 'vnc' && n.attrs.type !== 'spice')
        throw unsupportedConfig(`listen type '${lt}' is not available for graphics type '${n.attrs.type}'`);
      for (const [type, legacy, own] of compat) {
        const a = l.attrs[own];
        const b = l === listens[0] ? n.attrs[legacy] : undefined;
        if (lt === type && a !== undefined && b !== undefined && a !== b)
          throw unsupportedConfig(`graphics '${legacy}' attribute '${b}' must match '${own}' attribute of first listen element (found '${a}')`);
      }
      if (l.attrs.network && lt !== 'network') throw xmlError("'network' attribute is valid only for listen type 'network'");
      const socket = l.attrs.socket ?? (l === listens[0] && lt === 'socket' ? n.attrs.socket : undefined);
      if (socket && lt !== 'socket') throw xmlError("'socket' attribute is valid only for listen type 'socket'");
    }
  },
  normalize(dev, n, ctx) {
    const type = attr(dev.el, 'type')!;
    if (!LISTEN_TYPES.includes(type)) return;
    if (type === 'vnc') normalizeVncPort(dev.el, n.attrs.port, n.attrs.autoport, ctx.inactive);
    const listens = childNodes(n, 'listen');
    const rest = dev.el.children.filter((c) => c.name !== 'listen');
    let listenEls: Elem[];
    // virDomainGraphicsListensParseXML: empty values are none; a network's address is runtime state.
    const nonEmpty = (v: string | undefined) => (v ? v : undefined);
    const legacySocket = type === 'vnc' ? n.attrs.socket : undefined;
    const legacy = legacySocket !== undefined
      ? elem('listen', [['type', 'socket'], ['socket', nonEmpty(legacySocket)]])
      : elem('listen', [['type', 'address'], ['address', nonEmpty(n.attrs.listen)]]);
    if (listens.length) {
      listenEls = listens.map((l) => {
        const lt = l.attrs.type ?? 'address';
        const first = listens[0] === l;
        const address = lt === 'address' ? l.attrs.address ?? (first ? n.attrs.listen : undefined) : lt === 'network' && !ctx.inactive ? l.attrs.address : undefined;
        return elem('listen', [
          ['type', lt],
          ['address', nonEmpty(address)],
          ['network', lt === 'network' ? nonEmpty(l.attrs.network) : undefined],
          ['socket', lt === 'socket' ? nonEmpty(l.attrs.socket ?? (first ? n.attrs.socket : undefined)) : undefined],
        ]);
      });
      const lt0 = attr(listenEls[0], 'type');
      if ((lt0 === 'address' || lt0 === 'network') && legacySocket !== undefined) listenEls[0] = legacy;
    } else listenEls = [legacy];
    // virDomainDefPostParseGraphics: SPICE with no port and no autoport listens nowhere.
    const noPort = (k: string) => !Number(n.attrs[k] ?? 0);
    if (type === 'spice' && attr(listenEls[0], 'type') === 'address' && noPort('port') && noPort('tlsPort') && n.attrs.autoport !== 'yes')
      listenEls[0] = elem('listen', [['type', 'none']]);
    dev.el.children = [...listenEls, ...rest];
    dev.el.attrs = dev.el.attrs.filter(([k]) => k !== 'listen' && k !== 'socket');
  },
  format(dev, ctx) {
    const el = dev.el;
    const attrs: Array<[string, string]> = [['type', attr(el, 'type')!]];
    for (const [k, v] of typeAttrs(el, ctx.flags, ctx.inactive)) if (v !== undefined) attrs.push([k, v]);
    const migratableNone = (c: Elem) => ctx.flags & VIR_DOMAIN_XML_MIGRATABLE && attr(el, 'type') === 'spice' && c.name === 'listen' && attr(c, 'type') === 'none';
    return { name: 'graphics', attrs, children: el.children.filter((c) => !migratableNone(c)) };
  },
};
