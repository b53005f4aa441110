import { hostname } from 'node:os';
import type { LogSink } from './tls/context.js';

/**
 * libvirt's stderr log output as libvirtd writes it (log_outputs "3:stderr"): the library's
 * version and the host name once before the first line, then timestamp, pid, priority and
 * the reporting function:line.
 */
let announced = false;

function stamp(): string {
  return `${new Date().toISOString().replace('T', ' ').replace('Z', '')}+0000: ${process.pid}: `;
}

export function daemonLog(level: 'error' | 'warning', where: string, message: string): void {
  let out = '';
  if (!announced) {
    announced = true;
    out += `${stamp()}info : libvirt version: 9.0.0, package: 9.0.0-4+deb12u2 (Debian)\n`;
    out += `${stamp()}info : hostname: ${hostname()}\n`;
  }
  process.stderr.write(`${out}${stamp()}${level} : ${where} : ${message}\n`);
}

export const stderrSink: LogSink = {
  error: (where, message) => daemonLog('error', where, message),
  warn: (where, message) => daemonLog('warning', where, message),
};

/** An error that knows the libvirt function:line its log line names. */
export function reportedAt<E extends Error>(where: string, e: E): E & { where: string } {
  return Object.assign(e, { where });
}

export function whereOf(e: unknown, fallback: string): string {
  return (e as { where?: string } | undefined)?.where ?? fallback;
}
