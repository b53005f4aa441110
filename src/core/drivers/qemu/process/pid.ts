// Facts about a process id from the kernel: alive or not, and whether it is the QEMU of a
// given guest (pids are reused, so a pid file alone proves nothing).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Alive and not a zombie: a QEMU whose parent died may wait a while to be reaped. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name, which may itself hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The pid in a pid file, or undefined when the file is missing or holds no pid. */
export function readPidFile(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `pid` runs a qemu-system binary whose command line names `path` (its monitor or pid file). */
export function isQemuOf(pid: number, path: string): boolean {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false;
  }
  return basename(argv[0] ?? '').startsWith('qemu-system') && argv.some((a) => a.includes(path));
}
