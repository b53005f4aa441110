// Where a running guest's files live, in libvirt's layout for `qemu:///embed?root=ROOT`
// (as real libvirt 9.0 lays them out after `virsh start`): the monitor socket in the
// domain's private directory, the pid file in the run directory, the QEMU log under log/.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** libvirt cuts names in private paths to this many characters (VIR_DOMAIN_SHORT_NAME_MAX). */
const SHORT_NAME_MAX = 20;

export interface QemuPaths {
  name: string;
  /** The domain id QEMU runs under (libvirt's `domain-ID-NAME`). */
  id: number;
  /** ROOT/lib/qemu/domain-ID-SHORTNAME: the guest's private directory (HOME of QEMU). */
  domainDir: string;
  /** The QMP socket QEMU listens on. */
  monitor: string;
  /** ROOT/run/qemu/NAME.pid, written by QEMU itself. */
  pidfile: string;
  /** ROOT/log/qemu/NAME.log: QEMU's stdout and stderr, after a header naming the command. */
  log: string;
}

function shortName(id: number, name: string): string {
  return `${id}-${Array.from(name).slice(0, SHORT_NAME_MAX).join('')}`;
}

export function qemuPaths(root: string, name: string, id: number): QemuPaths {
  const domainDir = join(root, 'lib', 'qemu', `domain-${shortName(id, name)}`);
  return {
    name,
    id,
    domainDir,
    monitor: join(domainDir, 'monitor.sock'),
    pidfile: join(root, 'run', 'qemu', `${name}.pid`),
    log: join(root, 'log', 'qemu', `${name}.log`),
  };
}

/**
 * The paths of a guest started earlier (perhaps by a process that has since died), found
 * from its private directory under ROOT; undefined when the guest has none.
 */
export function findQemuPaths(root: string, name: string): QemuPaths | undefined {
  let entries: string[];
  try {
    entries = readdirSync(join(root, 'lib', 'qemu'));
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const m = /^domain-(\d+)-(.*)$/.exec(entry);
    if (!m) continue;
    const id = Number(m[1]);
    if (`domain-${shortName(id, name)}` === entry) return qemuPaths(root, name, id);
  }
  return undefined;
}
