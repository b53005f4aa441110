// The descriptor numbers QEMU finds what libvirt opens for it under: files (passed by spawn
// itself at those numbers) first, then what perl makes (TAP devices and listening sockets,
// see prepared-fds.ts).
import { inheritableFds } from './fds.js';

export interface PassedFdNumbers {
  files: number[];
  made: number[];
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/**
 * Numbers above what the child inherits. perl opens what it makes at the lowest free numbers
 * before moving it, so the numbers it moves to leave that many free slots below them.
 */
export function planPassedFds(files: number, made: number): PassedFdNumbers {
  const first = Math.max(2, ...inheritableFds()) + 1;
  return { files: range(first, files), made: range(first + files + made, made) };
}

/** A descriptor of this process that the child gets as number `at`. */
export interface PassedFile {
  fd: number;
  at: number;
}

/** Puts each passed file into a spawn() stdio table at its number. */
export function withPassedFiles(stdio: Array<'ignore' | number>, files: PassedFile[]): Array<'ignore' | number> {
  const table = [...stdio];
  for (const f of files) {
    while (table.length <= f.at) table.push('ignore');
    table[f.at] = f.fd;
  }
  return table;
}
