import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { virErr } from '../errors.js';
import { confString, type Conf } from './conf.js';
import type { VirURI } from './parse.js';

/**
 * Where libvirt's remote driver would go for a URI, decided exactly as remoteConnectOpen /
 * doRemoteOpen do before any byte reaches a daemon: transport, socket path or host:port,
 * and the errors libvirt raises on the way.
 */
export type Transport = 'tls' | 'unix' | 'ssh' | 'libssh2' | 'ext' | 'tcp' | 'libssh';
const transports: readonly Transport[] = ['tls', 'unix', 'ssh', 'libssh2', 'ext', 'tcp', 'libssh'];

export type RemoteTarget =
  | { transport: 'unix'; socket: string }
  | { transport: 'tcp' | 'tls'; host: string; port: string }
  | { transport: 'ssh' | 'libssh2' | 'libssh'; host: string; socket: string; proxy: string | undefined }
  | { transport: 'ext'; host: string };

/** remoteSplitURIScheme: `driver+transport`; no transport means tls with a host, else unix. */
export function splitScheme(uri: VirURI | undefined): { driver: string | undefined; transport: Transport } {
  if (!uri) return { driver: undefined, transport: 'unix' };
  if (!uri.scheme) throw virErr('INVALID_ARG', 'missing scheme for URI', 'REMOTE');
  const plus = uri.scheme.indexOf('+');
  if (plus < 0) return { driver: uri.scheme, transport: uri.server ? 'tls' : 'unix' };
  const transport = uri.scheme.slice(plus + 1).toLowerCase() as Transport;
  if (!transports.includes(transport)) {
    throw virErr(
      'INVALID_ARG',
      'remote_open: transport in URL not recognised (should be tls|unix|ssh|ext|tcp|libssh2|libssh)',
      'REMOTE',
    );
  }
  if (transport === 'unix' && uri.server) {
    throw virErr('INVALID_ARG', `using unix socket and remote server '${uri.server}' is not supported.`, 'REMOTE');
  }
  return { driver: uri.scheme.slice(0, plus), transport };
}

/** virGetUserRuntimeDirectory: $XDG_RUNTIME_DIR/libvirt, else ~/.cache/libvirt. */
function userRuntimeDir(env: NodeJS.ProcessEnv): string {
  return env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'libvirt') : join(env.HOME || homedir(), '.cache', 'libvirt');
}

interface SocketFlags {
  user: boolean;
  readonly: boolean;
}

function socketFor(prefix: string, flags: SocketFlags, env: NodeJS.ProcessEnv): string {
  if (flags.user) return join(userRuntimeDir(env), `${prefix}-sock`);
  return `/var/run/libvirt/${prefix}-${flags.readonly ? 'sock-ro' : 'sock'}`;
}

/**
 * remoteGetUNIXSocket without daemon autostart: "auto" picks the per-driver daemon's
 * socket when it exists, else libvirtd's.
 */
function unixSocket(driver: string | undefined, mode: string, transport: Transport, flags: SocketFlags, env: NodeJS.ProcessEnv): string {
  const direct = driver ? socketFor(`virt${driver}d`, flags, env) : undefined;
  const legacy = socketFor('libvirt', flags, env);
  if (mode === 'auto') {
    if (transport === 'unix') mode = direct && existsSync(direct) ? 'direct' : 'legacy';
    else mode = 'legacy';
  }
  if (mode === 'legacy') return legacy;
  if (transport !== 'unix') {
    throw virErr('OPERATION_UNSUPPORTED', `Cannot use direct socket mode for ${transport} transport`, 'REMOTE');
  }
  if (!direct) throw virErr('OPERATION_UNSUPPORTED', 'Cannot use direct socket mode if no URI is set', 'REMOTE');
  return direct;
}

/** remoteGetURIDaemonInfo: session URIs (and test+X) use the per-user daemon when not root. */
function wantsUserDaemon(uri: VirURI | undefined): boolean {
  if (process.geteuid?.() === 0) return false;
  if (!uri) return true;
  return !!uri.path && !!uri.scheme && (uri.path === '/session' || uri.scheme.startsWith('test+'));
}

/** The TLS CA certificate libvirt would read (virNetTLSContextLocateCredentials). */
function caCertPath(uri: VirURI, env: NodeJS.ProcessEnv): string {
  const pkipath = uri.params.find((p) => p.name === 'pkipath')?.value;
  if (pkipath) return join(pkipath, 'cacert.pem');
  if (process.geteuid?.() !== 0) {
    const user = join(env.HOME || homedir(), '.pki', 'libvirt', 'cacert.pem');
    if (existsSync(user)) return user;
  }
  return '/etc/pki/CA/cacert.pem';
}

export function remoteTarget(uri: VirURI | undefined, conf: Conf | undefined, readonly: boolean, env: NodeJS.ProcessEnv = process.env): RemoteTarget {
  const { driver, transport } = splitScheme(uri);
  const param = (name: string) => uri?.params.find((p) => p.name.toLowerCase() === name)?.value;
  const host = uri?.server ?? 'localhost';
  const mode = param('mode') ?? confString(conf, 'remote_mode') ?? 'auto';
  if (!['auto', 'legacy', 'direct'].includes(mode)) throw virErr('INVALID_ARG', `Unknown remote mode '${mode}'`, 'REMOTE');
  const proxy = param('proxy') ?? confString(conf, 'remote_proxy');
  if (proxy !== undefined && !['auto', 'netcat', 'native'].includes(proxy)) {
    throw virErr('INVALID_ARG', `Unnkown proxy type '${proxy}'`, 'REMOTE');
  }
  if (transport === 'ext' && param('command') === undefined) {
    throw virErr('INVALID_ARG', "remote_open: for 'ext' transport, command is required", 'REMOTE');
  }
  const flags = { user: wantsUserDaemon(uri), readonly };
  switch (transport) {
    case 'unix':
      return { transport, socket: param('socket') ?? unixSocket(driver, mode, transport, flags, env) };
    case 'tls': {
      const cacert = caCertPath(uri!, env);
      if (!existsSync(cacert)) {
        throw virErr('SYSTEM_ERROR', `Cannot read CA certificate '${cacert}': No such file or directory`, 'RPC');
      }
      return { transport, host, port: uri?.port ? String(uri.port) : '16514' };
    }
    case 'tcp':
      return { transport, host, port: uri?.port ? String(uri.port) : '16509' };
    case 'ext':
      return { transport, host };
    default:
      return { transport, host, socket: param('socket') ?? unixSocket(driver, mode, transport, flags, env), proxy };
  }
}
