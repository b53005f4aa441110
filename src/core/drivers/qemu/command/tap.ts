import { closeSync, openSync } from 'node:fs';
import { VirError } from '../../../errors.js';
import { ErrorCodes, ErrorDomains } from '../../../error-codes.js';
import { strerror } from '../../../strerror.js';

const TUN_PATH = '/dev/net/tun';

/**
 * The TAP descriptors a command line names: libvirt opens the clone device once per
 * interface, prints the descriptor numbers and closes them when the string is made.
 */
export class TapFds {
  private readonly fds: number[] = [];

  open(): string {
    try {
      const fd = openSync(TUN_PATH, 'r+');
      this.fds.push(fd);
      return String(fd);
    } catch (e) {
      throw new VirError(ErrorCodes.SYSTEM_ERROR[0], `Unable to open ${TUN_PATH}, is tun module loaded?: ${strerror(e as NodeJS.ErrnoException)}`, ErrorDomains.QEMU);
    }
  }

  closeAll(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }
}
