// Facts about a process id from the kernel: alive or not, and whether it is the QEMU of a
// given guest (pids are reused, so a pid file alone proves nothing).
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

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

/**
 * True when `pid` runs the QEMU of the guest `paths` belong to: a command line naming its pid
 * file (QEMU writes it itself), or, as the driver starts QEMU (it writes the pid file, as
 * libvirt does), the guest's -name with a private path under the same lib directory.
 */
export function isGuestQemu(pid: number, paths: { name: string; pidfile: string; domainDir: string }): boolean {
  if (isQemuOf(pid, paths.pidfile)) return true;
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false;
  }
  const name = `guest=${paths.name.replace(/,/g, ',,')},debug-threads=on`;
  const under = `${dirname(paths.domainDir)}/domain-`;
  return basename(argv[0] ?? '').startsWith('qemu-system') && argv.includes(name) && argv.some((a) => a.includes(under));
}
