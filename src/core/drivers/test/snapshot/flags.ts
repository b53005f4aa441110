import { ErrorCodes, ErrorDomains } from '../../../error-codes.js';
import { VirError } from '../../../errors.js';

/** virCheckFlags: raised through virReportInvalidArg, so the text has no "invalid argument:"
 * prefix even though the code is VIR_ERR_INVALID_ARG. */
export function checkFlags(flags: number, allowed: number, fn: string): void {
  const bad = flags & ~allowed;
  if (bad) {
    throw new VirError(ErrorCodes.INVALID_ARG[0], `unsupported flags (0x${(bad >>> 0).toString(16)}) in function ${fn}`, ErrorDomains.DOMAIN);
  }
}
