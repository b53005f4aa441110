// libvirtd's qemu:///system lives in the host's own directories (/etc/libvirt, /run/libvirt):
// two such daemons at once refuse each other (libvirt's driver pid files) or take over each
// other's guests. Test files that run one hold this host-wide lock for as long as they need
// the system state to themselves; holds by one process nest.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = '/run/lock/virsh-ts-libvirtd-system';
const WAIT_MS = 15 * 60_000;
let holds = 0;

function ownerAlive(): boolean {
  let pid = NaN;
  try {
    pid = Number(readFileSync(join(LOCK, 'owner'), 'utf8'));
  } catch {
    // Made but not yet signed: its owner is alive and writing.
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for the system libvirtd lock; the returned function releases this hold. */
export async function holdSystemLibvirtd(): Promise<() => void> {
  const deadline = Date.now() + WAIT_MS;
  while (holds === 0) {
    try {
      mkdirSync(join(LOCK, '..'), { recursive: true });
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'owner'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!ownerAlive()) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`${LOCK}: held by another test for ${WAIT_MS / 60_000} minutes`);
    else await new Promise((r) => setTimeout(r, 500));
  }
  holds++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holds === 0) rmSync(LOCK, { recursive: true, force: true });
  };
}
