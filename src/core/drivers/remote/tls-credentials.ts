import { X509Certificate } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { virErr } from '../../errors.js';
import { strerror } from '../../strerror.js';

/** Where the client's TLS files live (virNetTLSContextLocateCredentials, client side). */
export interface CredentialPaths {
  cacert: string;
  cacrl: string;
  cert: string;
  key: string;
}

/** The credentials a TLS link presents and trusts, read and checked as libvirt's client does. */
export interface Credentials {
  ca: string;
  crl?: string;
  cert?: string;
  key?: string;
}

const systemPaths: CredentialPaths = {
  cacert: '/etc/pki/CA/cacert.pem',
  cacrl: '/etc/pki/CA/cacrl.pem',
  cert: '/etc/pki/libvirt/clientcert.pem',
  key: '/etc/pki/libvirt/private/clientkey.pem',
};

/**
 * `pkipath=` names all four files whether or not they exist; otherwise a non-root user's
 * ~/.pki/libvirt supplies whichever of them it has (the cert and key only as a pair), and
 * the system paths the rest.
 */
export function locateCredentials(pkipath: string | undefined, env: NodeJS.ProcessEnv = process.env): CredentialPaths {
  if (pkipath) {
    return {
      cacert: `${pkipath}/cacert.pem`,
      cacrl: `${pkipath}/cacrl.pem`,
      cert: `${pkipath}/clientcert.pem`,
      key: `${pkipath}/clientkey.pem`,
    };
  }
  const paths = { ...systemPaths };
  if (process.geteuid?.() === 0) return paths;
  const user = join(env.HOME || homedir(), '.pki', 'libvirt');
  if (existsSync(join(user, 'cacert.pem'))) paths.cacert = join(user, 'cacert.pem');
  if (existsSync(join(user, 'cacrl.pem'))) paths.cacrl = join(user, 'cacrl.pem');
  if (existsSync(join(user, 'clientkey.pem')) && existsSync(join(user, 'clientcert.pem'))) {
    paths.cert = join(user, 'clientcert.pem');
    paths.key = join(user, 'clientkey.pem');
  }
  return paths;
}

const readable = (path: string) => {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

/** virNetTLSContextCheckCertFile: a missing file is an error unless allowed. */
function present(type: string, path: string, allowMissing: boolean): boolean {
  try {
    statSync(path);
    return true;
  } catch (e) {
    if (allowMissing) return false;
    throw virErr('SYSTEM_ERROR', `Cannot read ${type} '${path}': ${strerror(e)}`, 'RPC');
  }
}

const pemBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];

function parseCert(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** virNetTLSContextCheckCertTimes */
function checkTimes(cert: X509Certificate, file: string, isCA: boolean): void {
  const now = Date.now();
  const who = isCA ? 'CA' : 'client';
  if (Date.parse(cert.validTo) < now) throw virErr('SYSTEM_ERROR', `The ${who} certificate ${file} has expired`, 'RPC');
  if (Date.parse(cert.validFrom) > now) throw virErr('SYSTEM_ERROR', `The ${who} certificate ${file} is not yet active`, 'RPC');
}

/** virNetTLSContextCheckCertBasicConstraints as far as the CA flag tells. */
function checkConstraints(cert: X509Certificate, file: string, isCA: boolean): void {
  if (cert.ca && !isCA) {
    throw virErr('SYSTEM_ERROR', `The certificate ${file} basic constraints show a CA, but we need one for a client`, 'RPC');
  }
  if (!cert.ca && isCA) throw virErr('SYSTEM_ERROR', `The certificate ${file} basic constraints do not show a CA`, 'RPC');
}

/** gnutls's verdict on `cert` against `cas`, in libvirt's words; undefined when it verifies. */
export function chainReason(cert: X509Certificate, cas: X509Certificate[]): string | undefined {
  const issuers = cas.filter((ca) => cert.checkIssued(ca));
  if (!issuers.length) return "The certificate hasn't got a known issuer.";
  if (!issuers.some((ca) => cert.verify(ca.publicKey))) return 'The certificate is not trusted.';
  return undefined;
}

/**
 * virNetTLSContextSanityCheckCredentials (client side): our own certificate and the CAs
 * must be in date, of the right kind, and ours must be signed by one of the CAs.
 */
function sanityCheck(paths: CredentialPaths): void {
  let cert: X509Certificate | undefined;
  if (readable(paths.cert)) {
    cert = parseCert(readFileSync(paths.cert, 'utf8'));
    if (!cert) throw virErr('SYSTEM_ERROR', `Unable to import client certificate ${paths.cert}`, 'RPC');
  }
  let cas: X509Certificate[] = [];
  if (readable(paths.cacert)) {
    const parsed = pemBlocks(readFileSync(paths.cacert, 'utf8')).map(parseCert);
    if (!parsed.length || parsed.some((c) => !c)) throw virErr('SYSTEM_ERROR', `Unable to import CA certificate list ${paths.cacert}`, 'RPC');
    cas = parsed as X509Certificate[];
  }
  if (cert) {
    checkTimes(cert, paths.cert, false);
    checkConstraints(cert, paths.cert, false);
  }
  for (const ca of cas) {
    checkTimes(ca, paths.cacert, true);
    checkConstraints(ca, paths.cacert, true);
  }
  if (cert && cas.length) {
    const reason = chainReason(cert, cas);
    if (reason) {
      throw virErr('SYSTEM_ERROR', `Our own certificate ${paths.cert} failed validation against ${paths.cacert}: ${reason}`, 'RPC');
    }
  }
}

/**
 * virNetTLSContextNewClientPath: locate, sanity-check (unless `no_sanity`) and load the
 * CA, the optional revocation list and the optional client certificate and key.
 */
export function loadCredentials(paths: CredentialPaths, sanity: boolean): Credentials {
  if (sanity) sanityCheck(paths);
  present('CA certificate', paths.cacert, false);
  const creds: Credentials = { ca: readFileSync(paths.cacert, 'utf8') };
  if (present('CA revocation list', paths.cacrl, true)) creds.crl = readFileSync(paths.cacrl, 'utf8');
  if (present('certificate', paths.cert, true) && present('private key', paths.key, true)) {
    creds.cert = readFileSync(paths.cert, 'utf8');
    creds.key = readFileSync(paths.key, 'utf8');
  }
  return creds;
}
