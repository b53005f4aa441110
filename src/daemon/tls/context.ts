// The daemon's side of libvirt's TLS (virNetTLSContextNewServer and the per-session
// certificate check): files checked and loaded at start-up with libvirt's errors, then every
// client's certificate checked after the handshake; a client that fails is logged and cut
// off before the one-byte confirmation libvirt's clients wait for.
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { TlsOptions, TLSSocket } from 'node:tls';
import { chainReason } from '../../core/drivers/remote/tls-credentials.js';
import { virErr } from '../../core/errors.js';
import { strerror } from '../../core/strerror.js';
import { reportedAt } from '../log.js';
import { globMatch, subjectDN } from './dn.js';
import { clientUsageFindings } from './usage.js';
import { tlsStatusReason } from '../../core/rpc/tls-status.js';

export interface TlsFiles {
  ca: string;
  crl?: string;
  cert: string;
  key: string;
}

export interface TlsPolicy {
  /** tls_allowed_dn_list: globs the client's DN must match one of (absent = anyone). */
  allowedDNs?: string[];
  /** !tls_no_verify_certificate: a bad client certificate is refused, not just logged. */
  verify: boolean;
}

/** What a session check logs, in the order libvirtd logs it. */
export interface LogSink {
  error(where: string, message: string): void;
  warn(where: string, message: string): void;
}

const sysErr = (text: string) => virErr('SYSTEM_ERROR', text, 'RPC');

function read(type: string, path: string, allowMissing = false): string | undefined {
  try {
    statSync(path);
  } catch (e) {
    if (allowMissing) return undefined;
    throw reportedAt('virNetTLSContextCheckCertFile:105', sysErr(`Cannot read ${type} '${path}': ${strerror(e)}`));
  }
  return readFileSync(path, 'utf8');
}

const pemBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];

function parse(pem: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw sysErr(what);
  }
}

/** virNetTLSContextCheckCertTimes */
function timesProblem(cert: X509Certificate, file: string, who: 'server' | 'client' | 'CA'): string | undefined {
  const now = Date.now();
  if (Date.parse(cert.validTo) < now) return `The ${who} certificate ${file} has expired`;
  if (Date.parse(cert.validFrom) > now) return `The ${who} certificate ${file} is not yet active`;
  return undefined;
}

/** virNetTLSContextSanityCheckCredentials, server side: our certificate and the CAs. */
function sanityCheck(files: TlsFiles): void {
  const cert = parse(readFileSync(files.cert, 'utf8'), `Unable to import server certificate ${files.cert}`);
  const cas = pemBlocks(readFileSync(files.ca, 'utf8')).map((p) => parse(p, `Unable to import CA certificate list ${files.ca}`));
  const own = timesProblem(cert, files.cert, 'server');
  if (own) throw sysErr(own);
  if (cert.ca) throw sysErr(`The certificate ${files.cert} basic constraints show a CA, but we need one for a server`);
  for (const ca of cas) {
    const problem = timesProblem(ca, files.ca, 'CA');
    if (problem) throw sysErr(problem);
    if (!ca.ca) throw sysErr(`The certificate ${files.ca} basic constraints do not show a CA`);
  }
  const reason = chainReason(cert, cas);
  if (reason) throw sysErr(`Our own certificate ${files.cert} failed validation against ${files.ca}: ${reason}`);
}

const DN_REFUSED =
  "Client's Distinguished Name is not on the list of allowed clients (tls_allowed_dn_list).  Use " +
  "'virt-pki-query-dn clientcert.pem' to view the Distinguished Name field in the client certificate, " +
  'or run this daemon with --verbose option.';

export class ServerTlsContext {
  readonly options: TlsOptions;
  private readonly cas: X509Certificate[];

  /** virNetTLSContextNewServer: sanity check, then load; throws libvirt's error. */
  constructor(
    files: TlsFiles,
    private readonly policy: TlsPolicy,
    sanity = true,
  ) {
    const ca = read('CA certificate', files.ca)!;
    const crl = files.crl ? read('CA revocation list', files.crl, true) : undefined;
    const cert = read('certificate', files.cert)!;
    const key = read('private key', files.key)!;
    if (sanity) sanityCheck(files);
    this.cas = pemBlocks(ca).flatMap((p) => {
      try {
        return [new X509Certificate(p)];
      } catch {
        return [];
      }
    });
    this.options = { ca, crl, cert, key, requestCert: true, rejectUnauthorized: false };
  }

  /** virNetTLSContextValidCertificate: why the client's certificate is refused, and where libvirt says so. */
  private problem(sock: TLSSocket, log: LogSink): [where: string, text: string] | undefined {
    const peer = sock.getPeerX509Certificate();
    if (!peer) return ['virNetTLSContextValidCertificate:948', 'Unable to verify TLS peer: No certificate was found.'];
    if (!sock.authorized) {
      // OpenSSL also judges the certificate's purpose, which gnutls leaves to libvirt's own
      // check below: for that verdict alone, the chain is verified here instead.
      const reason = String(sock.authorizationError) === 'INVALID_PURPOSE' ? chainReason(peer, this.cas) : tlsStatusReason(String(sock.authorizationError));
      if (reason) return ['virNetTLSContextValidCertificate:969', `Certificate failed validation: ${reason}`];
    }
    // libvirt checks the peer's dates as a server certificate's, whichever side it is on.
    const now = Date.now();
    if (Date.parse(peer.validTo) < now) return ['virNetTLSContextCheckCertTimes:135', 'The server certificate [session] has expired'];
    if (Date.parse(peer.validFrom) > now) return ['virNetTLSContextCheckCertTimes:146', 'The server certificate [session] is not yet active'];
    const dn = subjectDN(peer.raw);
    if (this.policy.allowedDNs && !this.policy.allowedDNs.some((g) => globMatch(g, dn))) {
      return ['virNetTLSContextCheckCertDNACL:368', DN_REFUSED];
    }
    if (peer.ca) {
      return ['virNetTLSContextCheckCertBasicConstraints:172', 'The certificate [session] basic constraints show a CA, but we need one for a client'];
    }
    for (const f of clientUsageFindings(peer.raw)) {
      if (f.fatal) return [f.where, f.text];
      log.warn(f.where, f.text);
    }
    return undefined;
  }

  /**
   * virNetTLSContextCheckCertificate: true when the session may go on. A refusal logs the
   * reason and libvirt's AUTH_FAILED error, as libvirtd does.
   */
  admit(sock: TLSSocket, log: LogSink): boolean {
    const problem = this.problem(sock, log);
    if (!problem) return true;
    const [where, text] = problem;
    log.error(where, text);
    log.warn('virNetTLSContextCheckCertificate:1086', `Certificate check failed ${text}`);
    if (!this.policy.verify) return true;
    log.error('virNetTLSContextCheckCertificate:1088', virErr('AUTH_FAILED', "Failed to verify peer's certificate", 'RPC').message);
    return false;
  }
}
