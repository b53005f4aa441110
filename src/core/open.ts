import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Connection } from './api/connection.js';
import { virErr } from './errors.js';
import { publicApi } from './api/public/index.js';
import { strerror } from './strerror.js';
import { writeStderr } from './stdio.js';
import type { Conf } from './uri/conf.js';
import { defaultURI, loadClientConfig, resolveAlias } from './uri/config.js';
import { formatURI, parseURI, type VirURI } from './uri/parse.js';
import { remoteTarget } from './uri/remote-target.js';

export interface OpenOptions {
  readonly: boolean;
  /** Where a driver may print what libvirt's libraries print directly (libxml2 warnings). */
  warn?: (text: string) => void;
  /** virsh -k / -K for remote connections: ping interval (s) and unanswered pings allowed. */
  keepalive?: { interval: number; count: number };
}

interface DriverEntry {
  name: string;
  /** URI schemes the driver claims; undefined = any (the remote driver). */
  schemes?: readonly string[];
  /** Declines URIs with a host (drivers that only run in this process). */
  localOnly?: boolean;
  /** Only takes `/embed` URIs (drivers whose other URIs the daemon serves). */
  embedOnly?: boolean;
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
  { name: 'QEMU', schemes: ['qemu'], localOnly: true, embedOnly: true, open: (uri) => openQemu(uri!) },
  { name: 'remote', open: (uri, _s, conf, opts) => openRemote(uri, conf, opts) },
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
  const warn = opts.warn ?? writeStderr;
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

/** qemu:///embed?root=DIR: the QEMU driver in this process, its state under DIR. */
async function openQemu(uri: VirURI): Promise<Connection> {
  const root = uri.params.find((p) => p.name === 'root')!.value;
  const { openQemuEmbed } = await import('./drivers/qemu/index.js');
  return openQemuEmbed(root);
}

/** The remote driver (drivers/remote), loaded only when a URI needs a daemon. */
async function openRemote(uri: VirURI | undefined, conf: Conf | undefined, opts: OpenOptions): Promise<Connection> {
  const target = remoteTarget(uri, conf, opts.readonly);
  const { openRemoteConnection } = await import('./drivers/remote/index.js');
  return openRemoteConnection(uri, target, opts);
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
      if (!uri || embed !== !!d.embedOnly || !d.schemes.includes(uri.scheme!)) continue;
    } else if (embed) {
      continue;
    }
    if (d.remoteOnly && uri && !uri.server) throw virErr('INVALID_ARG', 'URI is missing the server part');
    return publicApi(await d.open(uri, uristr, conf, opts), { readonly: opts.readonly });
  }
  throw virErr('NO_CONNECT', given ?? '<null>');
}
