import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Connection } from './api/connection.js';
import { virErr } from './errors.js';
import { strerror } from './strerror.js';
import type { Conf } from './uri/conf.js';
import { defaultURI, loadClientConfig, resolveAlias } from './uri/config.js';
import { formatURI, parseURI, type VirURI } from './uri/parse.js';
import { remoteTarget, type RemoteTarget } from './uri/remote-target.js';

export interface OpenOptions {
  readonly: boolean;
  /** Where a driver may print what libvirt's libraries print directly (libxml2 warnings). */
  warn?: (text: string) => void;
}

interface DriverEntry {
  name: string;
  /** URI schemes the driver claims; undefined = any (the remote driver). */
  schemes?: readonly string[];
  /** Declines URIs with a host (drivers that only run in this process). */
  localOnly?: boolean;
  /** Requires a host in the URI. */
  remoteOnly?: boolean;
  open(uri: VirURI | undefined, uristr: string | undefined, conf: Conf | undefined, opts: OpenOptions): Promise<Connection>;
}

/** Drivers libvirt 9.0's client library carries, in its registration order. */
const drivers: readonly DriverEntry[] = [
  { name: 'Test', schemes: ['test'], localOnly: true, open: (uri, _s, _c, opts) => openTest(uri!, opts) },
  { name: 'OPENVZ', schemes: ['openvz'], localOnly: true, open: () => notAvailable('openvz') },
  { name: 'VMWARE', schemes: ['vmwareplayer', 'vmwarews', 'vmwarefusion'], localOnly: true, open: () => notAvailable('vmware') },
  { name: 'ESX', schemes: ['vpx', 'esx', 'gsx'], remoteOnly: true, open: () => notAvailable('esx') },
  { name: 'remote', open: (uri, _s, conf, opts) => openRemote(remoteTarget(uri, conf, opts.readonly)) },
];

/** Schemes of client-side drivers this libvirt build left out (checked before remote). */
const builtWithout = ['hyperv', 'parallels'];

async function notAvailable(driver: string): Promise<never> {
  throw virErr('NO_SUPPORT', `the '${driver}' driver is not available in virsh-ts`);
}

/**
 * testConnectOpen: test:///default is the built-in node, any other path a node file
 * (relative paths from the working directory, as libxml2 opens them).
 */
async function openTest(uri: VirURI, opts: OpenOptions): Promise<Connection> {
  const path = uri.path ?? '';
  const warn = opts.warn ?? ((text: string) => process.stderr.write(text));
  if (path === '' || path === '/') throw virErr('INVALID_ARG', 'testOpen: supply a path or use test:///default', 'TEST');
  if (path !== '/default') {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      warn(`I/O warning : failed to load external entity "${path}"\n`);
      throw virErr('XML_ERROR', `failed to parse xml document '${path}'`, 'TEST');
    }
    if (isDir) {
      warn(`I/O error : ${strerror({ code: 'EISDIR' })}\n`);
      throw virErr('XML_DETAIL', `${path}:1: Document is empty\n(null)\n^`, 'XML');
    }
  }
  const { loadTestNode, connectionForNode } = await import('./drivers/test/index.js');
  return connectionForNode(await loadTestNode(formatURI(uri), path));
}

/**
 * The remote driver is not built yet: go as far as libvirt goes before speaking the
 * protocol (socket path, TLS credentials, name resolution, the connect itself), and fail
 * there with libvirt's words, or plainly once a daemon actually answers.
 */
async function openRemote(target: RemoteTarget): Promise<never> {
  const net = await import('node:net');
  /** Resolves to the connect error, or undefined when something listens there. */
  const tryConnect = (options: import('node:net').NetConnectOpts) =>
    new Promise<Error | undefined>((resolve) => {
      const sock = net.createConnection(options);
      sock.once('connect', () => {
        sock.destroy();
        resolve(undefined);
      });
      sock.once('error', resolve);
    });
  if (target.transport === 'unix') {
    const err = await tryConnect({ path: target.socket });
    if (err) throw virErr('SYSTEM_ERROR', `Failed to connect socket to '${target.socket}': ${strerror(err)}`, 'RPC');
    throw virErr('NO_SUPPORT', `remote driver is not available in virsh-ts yet (daemon socket '${target.socket}')`, 'REMOTE');
  }
  if (target.transport === 'tcp' || target.transport === 'tls') {
    const dns = await import('node:dns/promises');
    let addresses: { address: string; family: number }[];
    try {
      addresses = await dns.lookup(target.host, { all: true });
    } catch (e) {
      const reason = (e as { code?: string }).code === 'EAI_AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known';
      throw virErr('SYSTEM_ERROR', `Unable to resolve address '${target.host}' service '${target.port}': ${reason}`, 'RPC');
    }
    let lastError: Error | undefined;
    for (const a of addresses) {
      lastError = await tryConnect({ host: a.address, port: Number(target.port), family: a.family });
      if (!lastError) {
        throw virErr('NO_SUPPORT', `remote driver is not available in virsh-ts yet (daemon at '${target.host}:${target.port}')`, 'REMOTE');
      }
    }
    throw virErr('SYSTEM_ERROR', `unable to connect to server at '${target.host}:${target.port}': ${strerror(lastError)}`, 'RPC');
  }
  throw virErr('NO_SUPPORT', `remote driver ${target.transport} transport is not available in virsh-ts yet`, 'REMOTE');
}

/** Back-compat spellings libvirt rewrites before parsing. */
function rewriteLegacyName(name: string): string {
  if (name.toLowerCase() === 'xen' || name === 'xen://') return 'xen:///system';
  return name;
}

/** virConnectCheckURIMissingSlash: `qemu://system` almost certainly meant qemu:///system. */
function checkMissingSlash(uristr: string, uri: VirURI) {
  if (uri.path === undefined || !uri.server || !['qemu', 'vbox', 'vz'].includes(uri.scheme ?? '')) return;
  if (uri.server === 'session' || uri.server === 'system') {
    throw virErr('INTERNAL_ERROR', `invalid URI ${uristr} (maybe you want ${uri.scheme}:///${uri.server})`);
  }
}

/** The embed URI checks (`driver:///embed?root=DIR`) libvirt makes before loading a driver. */
function checkEmbed(uri: VirURI) {
  if (!/^[a-z]*$/.test(uri.scheme ?? '')) {
    throw virErr('NO_CONNECT', `URI scheme '${uri.scheme}' for embedded driver is not valid`);
  }
  const root = uri.params.find((p) => p.name === 'root')?.value;
  if (root === undefined) throw virErr('INVALID_ARG', "Missing URI parameter 'root'", 'URI');
  if (!isAbsolute(root)) throw virErr('CONFIG_UNSUPPORTED', 'root path must be absolute');
}

/**
 * virConnectOpen: resolves the URI (explicit name, else LIBVIRT_DEFAULT_URI, else
 * `uri_default`; then `uri_aliases`) and gives it to the first driver that takes it.
 * Drivers are imported on demand so a one-shot command pays only for the one it uses.
 */
export async function openConnection(name: string | undefined, opts: OpenOptions): Promise<Connection> {
  const conf = loadClientConfig();
  const given = name ? rewriteLegacyName(name) : undefined;
  let uristr = given ?? defaultURI(conf);
  let uri: VirURI | undefined;
  let embed = false;
  if (uristr !== undefined) {
    uristr = resolveAlias(conf, uristr) ?? uristr;
    uri = parseURI(uristr);
    uri.path ??= '';
    if (!uri.scheme) throw virErr('NO_CONNECT', `URI '${given ?? '(null)'}' does not include a driver name`);
    checkMissingSlash(uristr, uri);
    if (uri.path === '/embed') {
      checkEmbed(uri);
      embed = true;
    }
  }
  for (const d of drivers) {
    if (d.name === 'remote' && uri && builtWithout.includes(uri.scheme!.toLowerCase())) {
      throw virErr('CONFIG_UNSUPPORTED', `libvirt was built without the '${uri.scheme}' driver`);
    }
    if (d.localOnly && uri?.server) continue;
    if (d.schemes) {
      if (!uri || embed || !d.schemes.includes(uri.scheme!)) continue;
    } else if (embed) {
      continue;
    }
    if (d.remoteOnly && uri && !uri.server) throw virErr('INVALID_ARG', 'URI is missing the server part');
    return d.open(uri, uristr, conf, opts);
  }
  throw virErr('NO_CONNECT', given ?? '<null>');
}
