import { hostname } from 'node:os';

/**
 * libvirt's default log output: warnings go to stderr, timestamped, with the library's
 * version and the host name logged once before the first message of a process.
 */
let announced = false;

function stamp(): string {
  return `${new Date().toISOString().replace('T', ' ').replace('Z', '')}+0000: ${process.pid}: `;
}

/** VIR_WARN from `where` (libvirt 9.0's function:line, which its log lines carry). */
export function libvirtWarn(where: string, message: string, write: (text: string) => void = (t) => process.stderr.write(t)): void {
  let out = '';
  if (!announced) {
    announced = true;
    out += `${stamp()}info : libvirt version: 9.0.0, package: 9.0.0-4+deb12u2 (Debian)\n`;
    out += `${stamp()}info : hostname: ${hostname()}\n`;
  }
  write(`${out}${stamp()}warning : ${where} : ${message}\n`);
}
