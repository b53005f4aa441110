import { virErr, type VirError } from '../../../errors.js';

/** Errors raised while building the command line, in the QEMU driver's error domain. */
export function qemuError(code: Parameters<typeof virErr>[0], message: string): VirError {
  return virErr(code, message, 'QEMU');
}
