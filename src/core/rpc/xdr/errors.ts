/**
 * A packet that does not decode (truncated, over a declared maximum, bad discriminant) or a
 * value that cannot be encoded. The RPC layer turns it into libvirt's RPC error; it never
 * escapes as a RangeError from Buffer.
 */
export class XdrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XdrError';
  }
}
