import type { XNode } from '../../tree.js';
import { children as childNodes, child } from '../../tree.js';
import { attr, elem, sub, type Elem } from '../elem.js';
import { unsupportedConfig } from '../errors.js';
import { propEnum, propUInt, TRISTATE_BOOL } from '../numbers.js';
import type { DeviceDef } from '../types.js';
import type { KindRule } from './rules.js';
import { checkChrSourceCount } from '../chr-source.js';

export const CHR_TYPES = ['null', 'vc', 'pty', 'dev', 'file', 'pipe', 'stdio', 'udp', 'tcp', 'unix', 'spicevmc', 'spiceport', 'nmdm', 'qemu-vdagent', 'dbus'];

const TARGET_TYPES: Record<string, string[]> = {
  serial: ['none', 'isa-serial', 'usb-serial', 'pci-serial', 'spapr-vio-serial', 'system-serial', 'sclp-serial', 'isa-debug'],
  console: ['none', 'serial', 'xen', 'uml', 'virtio', 'lxc', 'openvz', 'sclp', 'sclplm'],
  channel: ['none', 'guestfwd', 'virtio', 'xen'],
  parallel: ['none'],
};

const VIR_DOMAIN_XML_INACTIVE = 2;

/** The `<source>` elements a character device type formats (virDomainChrSourceDefFormat). */
/** virDomainChrSourceReconnectDefParseXML / …Format: enabled, with a timeout when 'yes'. */
function reconnectElems(source: XNode | undefined): Elem[] {
  const r = child(source, 'reconnect');
  if (!r) return [];
  const enabled = propEnum(r, 'enabled', TRISTATE_BOOL, { nonzero: true });
  if (enabled === undefined) return [];
  const timeout = enabled === 'yes' ? propUInt(r, 'timeout', 10, { required: true }) : undefined;
  return [elem('reconnect', [['enabled', enabled], ['timeout', timeout]])];
}

function sourceElems(type: string, n: XNode): Elem[] {
  const srcs = childNodes(n, 'source');
  const first = srcs[0];
  const a = (s: XNode | undefined, k: string) => s?.attrs[k];
  switch (type) {
    case 'pty':
    case 'dev':
    case 'file':
    case 'pipe':
      return first && a(first, 'path') !== undefined ? [elem('source', [['path', a(first, 'path')], ['append', type === 'file' ? a(first, 'append') : undefined]])] : [];
    case 'unix': {
      const reconnect = reconnectElems(first);
      if (a(first, 'path') === undefined) return [];
      return [elem('source', [['mode', a(first, 'mode') === 'bind' ? 'bind' : 'connect'], ['path', a(first, 'path')]], reconnect)];
    }
    case 'tcp':
      return [elem('source', [['mode', a(first, 'mode') === 'bind' ? 'bind' : 'connect'], ['host', a(first, 'host')], ['service', a(first, 'service')], ['tls', a(first, 'tls')]], reconnectElems(first))];
    case 'udp': {
      const connect = srcs.find((s) => s.attrs.mode !== 'bind');
      const bind = srcs.find((s) => s.attrs.mode === 'bind');
      const out: Elem[] = [];
      if (bind) out.push(elem('source', [['mode', 'bind'], ['host', a(bind, 'host')], ['service', a(bind, 'service')]]));
      if (connect) out.push(elem('source', [['mode', 'connect'], ['host', a(connect, 'host')], ['service', a(connect, 'service')]]));
      return out;
    }
    case 'spiceport':
    case 'dbus':
      return first ? [elem('source', [['channel', a(first, 'channel')]])] : [];
    case 'nmdm':
      return first ? [elem('source', [['master', a(first, 'master')], ['slave', a(first, 'slave')]])] : [];
    default:
      return [];
  }
}

/** Character devices: serial, parallel, console, channel. Target ports are filled in post-parse. */
export const chrRule: KindRule = {
  allowBoot: false,
  validate(n) {
    const type = n.attrs.type ?? 'pty';
    if (!CHR_TYPES.includes(type)) throw unsupportedConfig(`unknown type presented to host for character device: ${type}`);
    const tt = child(n, 'target')?.attrs.type;
    if (tt !== undefined && !(TARGET_TYPES[n.name] ?? ['none']).includes(tt) && n.name !== 'parallel')
      throw unsupportedConfig(`unknown target type '${tt}' specified for character device`);
    checkChrSourceCount(type, childNodes(n, 'source').length);
  },
  normalize(dev, n) {
    const type = n.attrs.type ?? 'pty';
    const t = child(n, 'target');
    const port = t?.attrs.port;
    const body: Elem[] = [...sourceElems(type, n)];
    if (type === 'tcp') body.push(elem('protocol', [['type', child(n, 'protocol')?.attrs.type ?? 'raw']]));
    const log = child(n, 'log');
    if (log) body.push(elem('log', [['file', log.attrs.file], ['append', log.attrs.append]]));
    const model = child(t, 'model');
    body.push(
      elem('target', [
        ['type', t?.attrs.type],
        ['address', t?.attrs.address],
        ['port', port],
        ['name', t?.attrs.name],
        ['state', t?.attrs.state],
      ], model ? [elem('model', [['name', model.attrs.name]])] : []),
    );
    dev.el = elem(n.name, [['type', type]], body);
  },
  format(dev, ctx) {
    const t = sub(dev.el, 'target')!;
    const type = attr(t, 'type');
    let target: Elem;
    switch (dev.kind) {
      case 'channel':
        target = elem('target', [['type', type], ['address', attr(t, 'address')], ['port', type === 'guestfwd' ? attr(t, 'port') : undefined], ['name', attr(t, 'name')], ['state', type === 'virtio' && !(ctx.flags & VIR_DOMAIN_XML_INACTIVE) && !ctx.inactive ? attr(t, 'state') : undefined]]);
        break;
      case 'console':
        target = elem('target', [['type', type ?? 'serial'], ['port', attr(t, 'port') ?? '0']]);
        break;
      default:
        target = elem('target', [['type', type === 'none' ? undefined : type], ['port', attr(t, 'port') ?? '0']], t.children);
    }
    return elem(dev.el.name, dev.el.attrs, dev.el.children.map((c) => (c.name === 'target' ? target : c)));
  },
};

/** The source part of a character device, compared when a console aliases serial 0. */
export function chrSourceKey(d: DeviceDef): string {
  return JSON.stringify([attr(d.el, 'type'), d.el.children.filter((c) => c.name === 'source' || c.name === 'protocol')]);
}
