import { readFileSync } from 'node:fs';
import { virErr } from '../core/errors.js';
import { confString, confStringList, parseConf, type Conf } from '../core/uri/conf.js';

/** libvirtd.conf's keys this daemon reads, with libvirtd's defaults (remote_daemon_config.c). */
export interface DaemonConfig {
  listen_tcp: boolean;
  listen_tls: boolean;
  tcp_port: string;
  tls_port: string;
  listen_addr?: string;
  unix_sock_dir?: string;
  unix_sock_group?: string;
  unix_sock_ro_perms: string;
  unix_sock_rw_perms: string;
  unix_sock_admin_perms: string;
  auth_unix_ro: string;
  auth_unix_rw: string;
  auth_tcp: string;
  auth_tls: string;
  key_file?: string;
  cert_file?: string;
  ca_file?: string;
  crl_file?: string;
  tls_no_verify_certificate: boolean;
  tls_allowed_dn_list?: string[];
  max_clients: number;
  max_queued_clients: number;
  max_client_requests: number;
  keepalive_interval: number;
  keepalive_count: number;
  log_level: number;
  log_outputs?: string;
  host_uuid?: string;
}

export function defaultConfig(): DaemonConfig {
  return {
    listen_tcp: false,
    listen_tls: true,
    tcp_port: '16509',
    tls_port: '16514',
    unix_sock_ro_perms: '0777',
    unix_sock_rw_perms: '0700',
    unix_sock_admin_perms: '0700',
    auth_unix_ro: 'none',
    auth_unix_rw: 'none',
    auth_tcp: 'sasl',
    auth_tls: 'none',
    tls_no_verify_certificate: false,
    max_clients: 5000,
    max_queued_clients: 1000,
    max_client_requests: 5,
    keepalive_interval: 5,
    keepalive_count: 5,
    log_level: 3,
  };
}

/** virConfGetValueInt and friends: a number, or libvirt's complaint naming the file and key. */
function confInt(conf: Conf, name: string): number | undefined {
  const v = conf.entries.get(name);
  if (!v) return undefined;
  if (v.type !== 'long' && v.type !== 'ulong') throw virErr('INTERNAL_ERROR', `${conf.filename}: expected a signed integer for '${name}' parameter`);
  return Number(v.value);
}

/** The libvirtd.conf keys virtd-ts reads, by value type (the man page lists them from here). */
export const configKeys = {
  string: ['tcp_port', 'tls_port', 'listen_addr', 'unix_sock_dir', 'unix_sock_group', 'unix_sock_ro_perms', 'unix_sock_rw_perms', 'unix_sock_admin_perms', 'auth_unix_ro', 'auth_unix_rw', 'auth_tcp', 'auth_tls', 'key_file', 'cert_file', 'ca_file', 'crl_file', 'log_outputs', 'host_uuid'] as const,
  boolean: ['listen_tcp', 'listen_tls', 'tls_no_verify_certificate'] as const,
  integer: ['max_clients', 'max_queued_clients', 'max_client_requests', 'keepalive_interval', 'keepalive_count', 'log_level'] as const,
};
const { string: strings, boolean: bools, integer: ints } = configKeys;

/** daemonConfigLoadFile: the file's keys over the defaults. Unknown keys are ignored, as libvirtd does. */
export function loadConfig(path: string): DaemonConfig {
  const conf = parseConf(path, readFileSync(path, 'utf8'));
  const cfg = defaultConfig() as unknown as Record<string, unknown>;
  for (const k of strings) {
    const v = confString(conf, k);
    if (v !== undefined) cfg[k] = v;
  }
  for (const k of bools) {
    const v = confInt(conf, k);
    if (v !== undefined) cfg[k] = v !== 0;
  }
  for (const k of ints) {
    const v = confInt(conf, k);
    if (v !== undefined) cfg[k] = v;
  }
  const dns = confStringList(conf, 'tls_allowed_dn_list');
  if (dns) cfg.tls_allowed_dn_list = dns;
  return cfg as unknown as DaemonConfig;
}
