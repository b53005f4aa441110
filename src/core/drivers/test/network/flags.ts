/** virCheckFlags for the test driver: unknown flag bits are refused with libvirt's text. */
import { ErrorCodes, ErrorDomains } from '../../../error-codes.js';
import { VirError } from '../../../errors.js';

export function checkFlags(flags: number, supported: number, fn: string, domain: keyof typeof ErrorDomains): void {
  const extra = flags & ~supported;
  if (extra) {
    throw new VirError(ErrorCodes.INVALID_ARG[0], `unsupported flags (0x${(extra >>> 0).toString(16)}) in function ${fn}`, ErrorDomains[domain]);
  }
}
