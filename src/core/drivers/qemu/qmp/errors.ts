// The monitor's failures as libvirt reports them (src/qemu/qemu_monitor.c and
// qemu_monitor_json.c): all INTERNAL_ERROR in the QEMU domain except a failed connect,
// which is a system error.
import { VirError, virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import type { QmpErrorBody } from './types.js';

/** A command QEMU answered with an error; keeps QMP's error class for callers that branch on it. */
export class QmpCommandError extends VirError {
  constructor(
    readonly command: string,
    readonly qmpClass: string | undefined,
    readonly desc: string | undefined,
  ) {
    // libvirt shows QEMU's desc only when the error has a class, else a fixed text.
    const detail = qmpClass && desc ? desc : 'unknown QEMU command error';
    const err = virErr('INTERNAL_ERROR', `unable to execute QEMU command '${command}': ${detail}`, 'QEMU');
    super(err.code, err.message, err.domain);
    this.name = 'QmpCommandError';
  }

  static from(command: string, error: Partial<QmpErrorBody> | undefined): QmpCommandError {
    return new QmpCommandError(command, error?.class, error?.desc);
  }
}

/** A reply with neither `return` nor `error`. */
export function noResultError(command: string): VirError {
  return virErr('INTERNAL_ERROR', `unable to execute QEMU command '${command}'`, 'QEMU');
}

export function connectError(cause: unknown): VirError {
  return virErr('SYSTEM_ERROR', `failed to connect to monitor socket: ${strerror(cause)}`, 'QEMU');
}

/** A command issued after the monitor hit end of file. */
export function eofError(vmName: string): VirError {
  return virErr('INTERNAL_ERROR', `End of file from qemu monitor (vm='${vmName}')`, 'QEMU');
}

/** A command still waiting when the monitor closed: libvirt finds no reply to hand back. */
export function missingReplyError(): VirError {
  return virErr('INTERNAL_ERROR', 'Missing monitor reply object', 'QEMU');
}

export function protocolError(what: string, line: string): VirError {
  return virErr('INTERNAL_ERROR', `${what} '${line}'`, 'QEMU');
}
