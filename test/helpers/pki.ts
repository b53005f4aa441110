// Test PKI for the TLS transport: CAs, server and client certificates made with openssl in
// a directory, laid out as libvirt's pkipath= expects (cacert.pem, clientcert.pem,
// clientkey.pem) so real virsh and virsh-ts read the very same files.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Ca {
  cert: string;
  key: string;
}

export interface KeyPair {
  cert: string;
  key: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

function extFile(dir: string, name: string, lines: string[]): string {
  const path = join(dir, `${name}.ext`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A self-signed CA with the basic constraints and key usage libvirt's sanity checks want. */
export function makeCa(dir: string, name: string): Ca {
  mkdirSync(dir, { recursive: true });
  const key = join(dir, `${name}-key.pem`);
  const cert = join(dir, `${name}-cert.pem`);
  const ext = extFile(dir, name, ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash']);
  openssl(['genrsa', '-out', key, '2048'], dir);
  openssl(['req', '-x509', '-new', '-key', key, '-sha256', '-days', '30', '-subj', `/O=virsh-ts tests/CN=${name}`, '-out', cert, '-extensions', 'v3_ca', '-config', config(ext)], dir);
  return { cert, key };
}

/** openssl needs a config with the extensions in a named section. */
function config(ext: string): string {
  const path = `${ext}.cnf`;
  writeFileSync(path, `[req]\ndistinguished_name=dn\n[dn]\n[v3_ca]\n.include ${ext}\n`);
  return path;
}

/**
 * A certificate signed by `ca`: `server` gets the TLS server purpose and `altNames`
 * (e.g. ['DNS:localhost']), a client the TLS client purpose.
 */
export function issue(
  ca: Ca,
  dir: string,
  name: string,
  role: 'server' | 'client',
  altNames: string[] = [],
  /** Replaces the key usage and purpose lines (openssl x509v3 syntax), for odd certificates. */
  usage?: string[],
): KeyPair {
  const key = join(dir, `${name}-key.pem`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}-cert.pem`);
  const lines = [
    'basicConstraints=critical,CA:FALSE',
    ...(usage ?? ['keyUsage=critical,digitalSignature,keyEncipherment', `extendedKeyUsage=${role === 'server' ? 'serverAuth' : 'clientAuth'}`]),
  ];
  if (altNames.length) lines.push(`subjectAltName=${altNames.join(',')}`);
  const ext = extFile(dir, name, lines);
  openssl(['genrsa', '-out', key, '2048'], dir);
  openssl(['req', '-new', '-key', key, '-subj', `/O=virsh-ts tests/CN=${name}`, '-out', csr], dir);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', '30', '-sha256', '-extfile', ext, '-out', cert], dir);
  return { cert, key };
}

/** A pkipath= directory: the CA the client trusts and, when given, its certificate and key. */
export function pkiDir(dir: string, cacert: string | undefined, client?: KeyPair): string {
  mkdirSync(dir, { recursive: true });
  if (cacert) copyFileSync(cacert, join(dir, 'cacert.pem'));
  if (client) {
    copyFileSync(client.cert, join(dir, 'clientcert.pem'));
    copyFileSync(client.key, join(dir, 'clientkey.pem'));
    chmodSync(join(dir, 'clientkey.pem'), 0o600);
  }
  return dir;
}

/** A CRL from `ca` revoking `certs` (openssl ca with a throwaway database in `dir`). */
export function revoke(ca: Ca, dir: string, name: string, certs: string[]): string {
  const db = join(dir, `${name}-db`);
  mkdirSync(db, { recursive: true });
  writeFileSync(join(db, 'index.txt'), '');
  writeFileSync(join(db, 'crlnumber'), '1000\n');
  const cnf = join(db, 'ca.cnf');
  writeFileSync(cnf, `[ca]\ndefault_ca = c\n[c]\ndatabase = ${join(db, 'index.txt')}\ncrlnumber = ${join(db, 'crlnumber')}\ndefault_md = sha256\ndefault_crl_days = 30\n`);
  for (const cert of certs) openssl(['ca', '-config', cnf, '-keyfile', ca.key, '-cert', ca.cert, '-revoke', cert], dir);
  const crl = join(dir, `${name}-crl.pem`);
  openssl(['ca', '-config', cnf, '-keyfile', ca.key, '-cert', ca.cert, '-gencrl', '-out', crl], dir);
  return crl;
}
