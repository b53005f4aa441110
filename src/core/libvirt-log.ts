// libvirt's default log output in the process that runs a driver or a client: warnings go to
// stderr, the first one preceded by the library's version and the host name
// (virLogVersionString), once per process.
import { hostname } from 'node:os';
import { writeStderr } from './stdio.js';

/** The time as libvirt's log lines and QEMU's log file carry it. */
export function logTimestamp(d = new Date()): string {
  return `${d.toISOString().replace('T', ' ').replace('Z', '')}+0000`;
}

let announced = false;

function line(level: string, text: string): string {
  return `${logTimestamp()}: ${process.pid}: ${level} : ${text}\n`;
}

/** VIR_WARN from `where` (libvirt 9.0's function:line, which its log lines carry). */
export function libvirtWarn(where: string, text: string): void {
  let out = '';
  if (!announced) {
    announced = true;
    out += line('info', 'libvirt version: 9.0.0, package: 9.0.0-4+deb12u2 (Debian)') + line('info', `hostname: ${hostname()}`);
  }
  writeStderr(out + line('warning', `${where} : ${text}`));
}
