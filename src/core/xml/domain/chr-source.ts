import { attr, elem, sub, subs, type Elem } from './elem.js';
import { internalError, invalidArg, unsupportedConfig, xmlError } from './errors.js';
import type { DeviceDef } from './types.js';

/** SERIAL_CHANNEL_NAME_CHARS: what a spiceport/dbus channel name may contain. */
const CHANNEL_NAME = /^[a-zA-Z0-9_.-]*$/;

function channelName(name: string | undefined): void {
  if (name === undefined) throw unsupportedConfig('Missing source channel attribute for char device');
  if (!CHANNEL_NAME.test(name)) throw invalidArg('Invalid character in source channel for char device');
}

/** virDomainChrSourceDefParseXML: one <source>, or two for UDP (its bind and connect ends). */
export function checkChrSourceCount(type: string, count: number): void {
  if (count > 1 && type !== 'udp') throw xmlError('only one source element is allowed for character device');
  if (count > 2) throw xmlError('only two source elements are allowed for character device');
}

const reconnecting = (s: Elem | undefined) => attr(sub(s, 'reconnect'), 'enabled') === 'yes';
const binding = (s: Elem | undefined) => attr(s, 'mode') === 'bind';

/**
 * virDomainChrSourceDefValidate on a device's <source> elements: the attributes each host
 * side type needs, and reconnecting only for a connecting socket. `autoPath`: a virtio/xen
 * channel, whose UNIX socket path the driver may make up.
 */
function validateSource(type: string, sources: Elem[], autoPath: boolean): void {
  const src = sources[0];
  switch (type) {
    case 'file':
    case 'dev':
    case 'pipe':
      if (attr(src, 'path') === undefined) throw internalError('Missing source path attribute for char device');
      break;
    case 'nmdm':
      if ((attr(src, 'master') === undefined) !== (attr(src, 'slave') === undefined))
        throw internalError('Should define both master and slave path attributes for nmdm device');
      break;
    case 'tcp':
      if (attr(src, 'host') === undefined) throw internalError('Missing source host attribute for char device');
      if (attr(src, 'service') === undefined) throw internalError('Missing source service attribute for char device');
      if (binding(src) && reconnecting(src)) throw internalError('chardev reconnect is possible only for connect mode');
      break;
    case 'udp': {
      const connect = sources.find((s) => !binding(s));
      if (attr(connect, 'service') === undefined) throw internalError('Missing source service attribute for char device');
      break;
    }
    case 'unix':
      if (attr(src, 'path') === undefined && !autoPath) throw internalError('Missing source path attribute for char device');
      if (binding(src) && reconnecting(src)) throw internalError('chardev reconnect is possible only for connect mode');
      break;
    case 'spiceport':
    case 'dbus':
      channelName(attr(src, 'channel'));
      break;
  }
}

/** The chardev source checks for a device whose <source> children (canonical, see below) describe a host side of `type`. */
export function validateChrSourceOf(type: string, holder: Elem, autoPath = false): void {
  validateSource(type, subs(holder, 'source'), autoPath);
}

/** serial/parallel/channel/console (their source count is checked as they are parsed). */
export function validateChrDevice(d: DeviceDef): void {
  const type = attr(d.el, 'type') ?? 'pty';
  const target = attr(sub(d.el, 'target'), 'type');
  validateSource(type, subs(d.el, 'source'), d.kind === 'channel' && (target === 'virtio' || target === 'xen'));
}

/**
 * virDomainChrSourceDefFormat for devices that keep a generic <source> (redirdev, smartcard
 * passthrough, egd rng backends): sockets state their mode, a UNIX source without a path is not written, a
 * TCP source is followed by its protocol, and a D-Bus redirdev without a channel gets
 * libvirt's default one. The source count is checked first, as the parser does.
 */
export function canonicalChrSources(type: string, holder: Elem, dbusChannel?: string): void {
  const src = sub(holder, 'source');
  const mode: [string, string] = ['mode', binding(src) ? 'bind' : 'connect'];
  const rest = holder.children.filter((c) => c.name !== 'source' && c.name !== 'protocol');
  const protocol = sub(holder, 'protocol');
  const keep = (names: string[]) => names.flatMap((k): Array<[string, string]> => (attr(src, k) === undefined ? [] : [[k, attr(src, k)!]]));
  let sources = subs(holder, 'source');
  checkChrSourceCount(type, sources.length);
  if (type === 'unix') {
    sources = src && attr(src, 'path') !== undefined ? [{ ...src, attrs: [mode, ...keep(['path'])] }] : [];
  } else if (type === 'tcp') {
    sources = [{ ...(src ?? elem('source')), attrs: [mode, ...keep(['host', 'service', 'tls'])] }];
  } else if (type === 'dbus' && dbusChannel && attr(src, 'channel') === undefined) {
    sources = [elem('source', [['channel', dbusChannel]])];
  }
  const proto = type === 'tcp' ? [protocol ?? elem('protocol', [['type', 'raw']])] : [];
  holder.children = [...sources, ...proto, ...rest];
}
