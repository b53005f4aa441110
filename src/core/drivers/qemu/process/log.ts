// The guest's QEMU log (ROOT/log/qemu/NAME.log): libvirt writes a header with the date and
// the command line, QEMU appends its own output, and startup errors quote the log's tail.
import { appendFileSync, closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { logTimestamp } from '../../../libvirt-log.js';

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./=:,+@%-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The environment and command, one per line with trailing backslashes, as libvirt logs them. */
function formatCommand(env: Record<string, string>, binary: string, args: string[]): string {
  const lines = [...Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`), shellQuote(binary)];
  for (let i = 0; i < args.length; i++) {
    // An option and its value share a line, as in libvirt's log.
    const next = args[i + 1];
    if (args[i].startsWith('-') && next !== undefined && !next.startsWith('-')) {
      lines.push(`${shellQuote(args[i])} ${shellQuote(next)}`);
      i++;
    } else lines.push(shellQuote(args[i]));
  }
  return `${lines.join(' \\\n')}\n`;
}

/**
 * Appends the start-up header and opens the log for QEMU's stdio; returns the descriptor and
 * the offset where QEMU's own output begins.
 */
export function openLogForStart(path: string, env: Record<string, string>, binary: string, args: string[]): { fd: number; offset: number } {
  appendFileSync(path, `${logTimestamp()}: starting up virsh-ts\n${formatCommand(env, binary, args)}`, { mode: 0o600 });
  const fd = openSync(path, 'a');
  return { fd, offset: fstatSync(fd).size };
}

export function logEvent(path: string, text: string): void {
  appendFileSync(path, `${logTimestamp()}: ${text}\n`);
}

// Debug lines in libvirt's own log format (date, pid, level), which it leaves out of errors.
const LIBVIRT_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+\d{4}: \d+: (debug|info|warning|error) : /;
const MAX_TAIL = 1024;

/** What QEMU wrote after `offset`, filtered and cut to its last 1024 characters on a line start. */
export function readLogTail(path: string, offset: number): string {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      text = readFileSync(fd).subarray(offset).toString();
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
  text = text
    .split('\n')
    .filter((l) => !LIBVIRT_LINE.test(l) && !l.includes('char device redirected to'))
    .join('\n');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.length > MAX_TAIL) {
    let skip = text.length - MAX_TAIL;
    const eol = text.indexOf('\n', skip);
    if (text[skip - 1] !== '\n' && eol >= 0 && text.slice(eol + 1).trim() !== '') skip = eol + 1;
    text = text.slice(skip);
  }
  return text;
}
