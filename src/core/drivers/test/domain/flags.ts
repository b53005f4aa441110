import { VirError, virErr } from '../../../errors.js';
import { ErrorCodes } from '../../../error-codes.js';

/** virCheckFlags: a driver entry point refuses bits it does not know, naming itself. */
export function checkFlags(flags: number, allowed: number, fn: string): void {
  const bad = flags & ~allowed;
  // virCheckFlags reports its own text under VIR_ERR_INVALID_ARG, without the code's prefix.
  if (bad) throw new VirError(ErrorCodes.INVALID_ARG[0], `unsupported flags (0x${(bad >>> 0).toString(16)}) in function ${fn}`);
}

/** virReportSystemError's text: the message, then the errno string. */
export function systemError(message: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException)?.code;
  return virErr('SYSTEM_ERROR', `${message}: ${errnoText[code ?? ''] ?? String((e as Error)?.message ?? e)}`);
}

const errnoText: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EPERM: 'Operation not permitted',
};
