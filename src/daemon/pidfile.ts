import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { reportedAt } from './log.js';

/** Whether the pid file names a live process other than us (libvirtd holds a lock on it). */
function heldByOther(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A daemon killed (kill -9) but not yet reaped by its parent still answers kill(0); libvirt's
  // lock on the file went with its death, so a zombie holds nothing.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * virPidFileAcquirePath: refuse when another live daemon holds the file, else write our pid
 * (bare digits, as libvirt writes it) through a temporary file, fsync and rename.
 */
export function acquirePidFile(path: string): void {
  if (heldByOther(path)) {
    throw reportedAt('virPidFileAcquirePath:401', new Error(`Failed to acquire pid file '${path}': Resource temporarily unavailable`));
  }
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, String(process.pid));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
