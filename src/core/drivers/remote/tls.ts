import { X509Certificate } from 'node:crypto';
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { virErr } from '../../errors.js';
import { libvirtWarn } from '../../libvirt-log.js';
import type { Credentials } from './tls-credentials.js';
import { tlsStatusReason } from '../../rpc/tls-status.js';

/** gnutls_x509_crt_check_hostname: IP literals against IP SANs, names against DNS SANs/CN. */
function matchesHost(cert: X509Certificate, host: string): boolean {
  return isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
}

/** virNetTLSContextValidCertificate for the server's certificate; the failure text or undefined. */
function peerProblem(sock: TLSSocket, host: string): string | undefined {
  if (!sock.authorized) return `Certificate failed validation: ${tlsStatusReason(String(sock.authorizationError))}`;
  const raw = sock.getPeerX509Certificate();
  if (!raw) return 'The certificate has no peers';
  const now = Date.now();
  if (Date.parse(raw.validTo) < now) return 'The server certificate [session] has expired';
  if (Date.parse(raw.validFrom) > now) return 'The server certificate [session] is not yet active';
  if (!matchesHost(raw, host)) return `Certificate [session] owner does not match the hostname ${host}`;
  if (raw.ca) return 'The certificate [session] basic constraints show a CA, but we need one for a server';
  return undefined;
}

/** gnutls_strerror for the ways a handshake dies under us. */
function handshakeText(err: Error & { code?: string }): string {
  if (/alert/i.test(err.message)) return 'A TLS fatal alert has been received.';
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return 'Error in the push function.';
  return 'The TLS connection was non-properly terminated.';
}

/**
 * virNetClientSetTLSSession: the handshake, our check of the server's certificate
 * (fatal unless `no_verify`), then the one-byte verdict the server sends after checking
 * ours. Resolves with the encrypted stream, positioned at the first RPC byte.
 */
export function startTls(sock: Socket, host: string, creds: Credentials, verify: boolean): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tls = tlsConnect({
      socket: sock,
      ca: creds.ca,
      crl: creds.crl,
      cert: creds.cert,
      key: creds.key,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    let confirming = false;
    const fail = (e: Error) => {
      tls.destroy();
      reject(e);
    };
    const onError = (err: Error & { code?: string }) => {
      if (confirming) fail(virErr('SYSTEM_ERROR', 'Unable to read TLS confirmation: Input/output error', 'RPC'));
      else fail(virErr('AUTH_FAILED', `TLS handshake failed ${handshakeText(err)}`, 'RPC'));
    };
    const onEnd = () => onError(Object.assign(new Error('eof'), { code: 'EOF' }));
    tls.on('error', onError);
    tls.once('end', onEnd);
    tls.once('secureConnect', () => {
      const problem = peerProblem(tls, host);
      if (problem) {
        libvirtWarn('virNetTLSContextCheckCertificate:1086', `Certificate check failed ${problem}`);
        if (verify) {
          fail(virErr('AUTH_FAILED', "Failed to verify peer's certificate", 'RPC'));
          return;
        }
      }
      confirming = true;
      tls.once('data', (chunk: Buffer) => {
        tls.pause();
        tls.removeListener('error', onError);
        tls.removeListener('end', onEnd);
        if (chunk[0] !== 1) {
          fail(virErr('RPC', 'server verification (of our certificate or IP address) failed', 'RPC'));
          return;
        }
        if (chunk.length > 1) tls.unshift(chunk.subarray(1));
        resolve(tls);
      });
    });
  });
}
