/** OpenSSL's verdicts on a peer's chain, in the words of the gnutls status bits libvirt reports. */
const issuerUnknown = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

export function tlsStatusReason(code: string): string {
  if (issuerUnknown.has(code)) return "The certificate hasn't got a known issuer.";
  if (code === 'CERT_REVOKED') return 'The certificate has been revoked.';
  return 'The certificate is not trusted.';
}
