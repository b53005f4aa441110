import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';

/** virReportSystemError's text: the message, then the errno string. */
export function systemError(message: string, e: unknown): Error {
  return virErr('SYSTEM_ERROR', `${message}: ${strerror(e)}`);
}
