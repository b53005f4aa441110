import type { VirError } from '../../core/errors.js';

/**
 * A failure the shell itself reports (vshError): printed as `error: MESSAGE`, followed by
 * the libvirt error that caused it, if any, as virsh's vshReportError does when the
 * command then fails.
 */
export class ShellError extends Error {
  readonly libvirtError: VirError | undefined;

  constructor(message: string, libvirtError?: VirError) {
    super(message);
    this.name = 'ShellError';
    this.libvirtError = libvirtError;
  }
}
