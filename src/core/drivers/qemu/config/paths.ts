import { join } from 'node:path';

/**
 * Where the QEMU driver keeps its state (qemu_conf.c's virQEMUDriverConfigNew): under
 * ROOT/{etc,run,cache,lib,log} for an embedded driver, the system directories otherwise.
 */
export interface QemuPaths {
  /** The URI this driver answers to (qemu:///embed?root=… or qemu:///system). */
  uri: string;
  /** qemu.conf (CONFIGBASE/qemu.conf). */
  qemuConf: string;
  /** Persistent domain configs: NAME.xml. */
  configDir: string;
  /** Autostart links: NAME.xml → ../NAME.xml. */
  autostartDir: string;
  stateDir: string;
  cacheDir: string;
  libDir: string;
  logDir: string;
}

export function embedPaths(root: string): QemuPaths {
  return layout(`qemu:///embed?root=${root}`, join(root, 'etc'), join(root, 'run/qemu'), join(root, 'cache/qemu'), join(root, 'lib/qemu'), join(root, 'log/qemu'));
}

export const SYSTEM_ROOT = { config: '/etc/libvirt', state: '/run/libvirt/qemu', cache: '/var/cache/libvirt/qemu', lib: '/var/lib/libvirt/qemu', log: '/var/log/libvirt/qemu' };

/** The privileged driver (qemu:///system), optionally moved under `prefix` (virtd-ts tests). */
export function systemPaths(prefix = ''): QemuPaths {
  const p = (dir: string) => (prefix ? join(prefix, dir) : dir);
  return layout('qemu:///system', p(SYSTEM_ROOT.config), p(SYSTEM_ROOT.state), p(SYSTEM_ROOT.cache), p(SYSTEM_ROOT.lib), p(SYSTEM_ROOT.log));
}

function layout(uri: string, configBase: string, stateDir: string, cacheDir: string, libDir: string, logDir: string): QemuPaths {
  const configDir = join(configBase, 'qemu');
  return { uri, qemuConf: join(configBase, 'qemu.conf'), configDir, autostartDir: join(configDir, 'autostart'), stateDir, cacheDir, libDir, logDir };
}
