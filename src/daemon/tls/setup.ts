import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { virErr } from '../../core/errors.js';
import { reportedAt } from '../log.js';
import type { DaemonConfig } from '../config.js';
import { ServerTlsContext, type TlsFiles } from './context.js';

const system: TlsFiles = {
  ca: '/etc/pki/CA/cacert.pem',
  crl: '/etc/pki/CA/cacrl.pem',
  cert: '/etc/pki/libvirt/servercert.pem',
  key: '/etc/pki/libvirt/private/serverkey.pem',
};

/** virNetTLSContextLocateCredentials (server): ~/.pki/libvirt's files for a session daemon. */
function defaultFiles(privileged: boolean): TlsFiles {
  if (privileged) return system;
  const dir = join(process.env.HOME || homedir(), '.pki', 'libvirt');
  const pick = (name: string, fallback: string) => (existsSync(join(dir, name)) ? join(dir, name) : fallback);
  const paired = existsSync(join(dir, 'serverkey.pem')) && existsSync(join(dir, 'servercert.pem'));
  return {
    ca: pick('cacert.pem', system.ca),
    crl: pick('cacrl.pem', system.crl!),
    cert: paired ? join(dir, 'servercert.pem') : system.cert,
    key: paired ? join(dir, 'serverkey.pem') : system.key,
  };
}

/**
 * daemonSetupNetworking's TLS part: the three file keys go together (libvirt's errors when
 * one is missing), else the default locations; throws what libvirtd reports.
 */
export function serverTlsContext(c: DaemonConfig, privileged: boolean): ServerTlsContext {
  let files: TlsFiles;
  if (c.ca_file || c.cert_file || c.key_file) {
    const missing = (line: number, text: string) => reportedAt(`daemonSetupNetworking:${line}`, virErr('CONFIG_UNSUPPORTED', text));
    if (!c.ca_file) throw missing(329, 'No CA certificate path set to match server key/cert');
    if (!c.cert_file) throw missing(334, 'No server certificate path set to match server key');
    if (!c.key_file) throw missing(339, 'No server key path set to match server cert');
    files = { ca: c.ca_file, crl: c.crl_file, cert: c.cert_file, key: c.key_file };
  } else {
    files = defaultFiles(privileged);
  }
  return new ServerTlsContext(files, { allowedDNs: c.tls_allowed_dn_list, verify: !c.tls_no_verify_certificate });
}
