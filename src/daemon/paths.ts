import { homedir } from 'node:os';
import { join } from 'node:path';

export const DAEMON_NAME = 'virtd-ts';

/** Where the daemon keeps its sockets, pid file and config, as libvirtd picks them. */
export interface DaemonPaths {
  config: string;
  sockDir: string;
  pidFile: string;
}

/** virGetUserRuntimeDirectory: $XDG_RUNTIME_DIR/libvirt, else ~/.cache/libvirt. */
function userRuntimeDir(): string {
  const xdg = process.env.XDG_RUNTIME_DIR;
  return xdg ? join(xdg, 'libvirt') : join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'libvirt');
}

function userConfigDir(): string {
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'libvirt');
}

/** System paths for root, per-user (session) paths otherwise. */
export function daemonPaths(privileged: boolean): DaemonPaths {
  if (privileged) {
    return { config: `/etc/libvirt/${DAEMON_NAME}.conf`, sockDir: '/run/libvirt', pidFile: `/run/${DAEMON_NAME}.pid` };
  }
  const run = userRuntimeDir();
  return { config: join(userConfigDir(), `${DAEMON_NAME}.conf`), sockDir: run, pidFile: join(run, `${DAEMON_NAME}.pid`) };
}
