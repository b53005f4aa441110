// libvirt starts QEMU with every descriptor but its stdio closed. Node closes its own (they
// are close-on-exec) but passes on any that this process inherited without that flag, such as
// a pipe from whoever ran virsh-ts; QEMU would hold it open for the guest's whole life, and a
// caller waiting for that pipe's end would wait as long. Node cannot close them in the
// child, but it can put something else in their place.
import { readdirSync, readFileSync } from 'node:fs';

const O_CLOEXEC = 0o2000000;

/** Descriptors above stderr that a child would inherit. */
export function inheritableFds(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc/self/fd');
  } catch {
    return [];
  }
  return entries
    .map(Number)
    .filter((fd) => fd > 2)
    .filter((fd) => {
      try {
        const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
        return flags !== undefined && (parseInt(flags, 8) & O_CLOEXEC) === 0;
      } catch {
        return false;
      }
    });
}

/**
 * A spawn() stdio table that gives QEMU `stdout`/`stderr` and, in place of each inheritable
 * descriptor, a copy of `devNull`: the child dup2()s over the inherited one, so it never
 * holds it. Other slots are left as they are (closed on exec).
 */
export function stdioClosing(stdout: number, stderr: number, devNull: number, fds: number[]): Array<'ignore' | number> {
  const stdio: Array<'ignore' | number> = ['ignore', stdout, stderr];
  const max = Math.max(2, ...fds);
  for (let fd = 3; fd <= max; fd++) stdio.push(fds.includes(fd) ? devNull : 'ignore');
  return stdio;
}
