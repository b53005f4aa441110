// Where a running guest's files live, in libvirt's layout (as real libvirt 9.0 lays them out
// after `virsh start`): the monitor socket in the domain's private directory under the lib
// directory, the pid file in the state directory, the QEMU log in the log directory.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** libvirt cuts names in private paths to this many characters (VIR_DOMAIN_SHORT_NAME_MAX). */
const SHORT_NAME_MAX = 20;

export interface QemuPaths {
  name: string;
  /** The domain id QEMU runs under (libvirt's `domain-ID-NAME`). */
  id: number;
  /** LIBDIR/domain-ID-SHORTNAME: the guest's private directory (HOME of QEMU). */
  domainDir: string;
  /** The QMP socket QEMU listens on. */
  monitor: string;
  /** STATEDIR/NAME.pid, written by QEMU itself. */
  pidfile: string;
  /** LOGDIR/NAME.log: QEMU's stdout and stderr, after a header naming the command. */
  log: string;
}

function shortName(id: number, name: string): string {
  return `${id}-${Array.from(name).slice(0, SHORT_NAME_MAX).join('')}`;
}

/** The driver directories a guest's files go under (the driver's QemuPaths has them all). */
export interface DriverDirs {
  libDir: string;
  stateDir: string;
  logDir: string;
}

export function qemuPaths(dirs: DriverDirs, name: string, id: number): QemuPaths {
  const domainDir = join(dirs.libDir, `domain-${shortName(id, name)}`);
  return {
    name,
    id,
    domainDir,
    monitor: join(domainDir, 'monitor.sock'),
    pidfile: join(dirs.stateDir, `${name}.pid`),
    log: join(dirs.logDir, `${name}.log`),
  };
}

/**
 * The paths of a guest started earlier (perhaps by a process that has since died), found
 * from its private directory; undefined when the guest has none.
 */
export function findQemuPaths(dirs: DriverDirs, name: string): QemuPaths | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dirs.libDir);
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const m = /^domain-(\d+)-(.*)$/.exec(entry);
    if (!m) continue;
    const id = Number(m[1]);
    if (`domain-${shortName(id, name)}` === entry) return qemuPaths(dirs, name, id);
  }
  return undefined;
}
