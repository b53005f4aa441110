import { ErrorCodes, ErrorDomains } from '../error-codes.js';
import { VirError } from '../errors.js';

/**
 * virCheckFlags: a driver entry point refuses bits it does not know, naming its C function.
 * Raised through virReportInvalidArg, so the text has no "invalid argument:" prefix even
 * though the code is VIR_ERR_INVALID_ARG.
 */
export function checkFlags(flags: number, allowed: number, fn: string, domain?: keyof typeof ErrorDomains): void {
  const bad = (flags & ~allowed) >>> 0;
  if (bad) throw new VirError(ErrorCodes.INVALID_ARG[0], `unsupported flags (0x${bad.toString(16)}) in function ${fn}`, domain && ErrorDomains[domain]);
}
