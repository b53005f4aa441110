// libvirt's default log output in a process that embeds a driver: warnings go to stderr,
// the first one preceded by the library's version and the host name (virLogVersionString).
import { hostname } from 'node:os';
import { logTimestamp } from '../process/log.js';
import { writeStderr } from '../../../stdio.js';

let announced = false;

function line(level: string, text: string): string {
  return `${logTimestamp()}: ${process.pid}: ${level} : ${text}\n`;
}

/** VIR_WARN from `where` (libvirt's function:line, as its log prints it). */
export function embedWarning(where: string, text: string): void {
  let out = '';
  if (!announced) {
    announced = true;
    out += line('info', 'libvirt version: 9.0.0, package: 9.0.0-4+deb12u2 (Debian)') + line('info', `hostname: ${hostname()}`);
  }
  writeStderr(out + line('warning', `${where} : ${text}`));
}
