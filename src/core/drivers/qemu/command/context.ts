import type { DomainDef } from '../../../xml/domain/index.js';

/** What the command line depends on beyond the domain definition. */
export interface ArgvContext {
  /** The driver's lib directory (ROOT/lib/qemu for qemu:///embed?root=ROOT). */
  libDir: string;
  /** The driver runs as root: HOME and XDG_* point into the domain's directory. */
  privileged: boolean;
  /** The environment passed through to QEMU (LC_ALL, PATH, HOME, USER, LOGNAME, TMPDIR…). */
  env: Readonly<Record<string, string | undefined>>;
  /** The domain id the process gets; -1 when only pretending (domxml-to-native). */
  id: number;
  /**
   * File descriptors of the TAP devices opened for interfaces, in interface order
   * (domxml-to-native opens real ones; their numbers are whatever the process had free).
   */
  tapFds?: string[][];
  /**
   * File chardevs whose file the driver opened for QEMU, by device alias: the fd set the
   * command line adds it to and the descriptor number QEMU gets (qemuFDPass).
   */
  chardevFiles?: ReadonlyMap<string, { set: number; fd: number }>;
  /** Listening UNIX sockets the driver made for chardevs, by device alias: the descriptor number. */
  chardevSockets?: ReadonlyMap<string, number>;
  /** The monitor's listening socket as a descriptor (a started guest), else its path. */
  monitorFd?: number;
}

/** virDomainDefGetShortName: the name cut to 20 characters for per-domain paths. */
export function shortName(def: DomainDef): string {
  return [...def.name].slice(0, 20).join('');
}

/** qemuDomainSetPrivatePaths: LIBDIR/domain-ID-NAME. */
export function domainLibDir(def: DomainDef, ctx: ArgvContext): string {
  return `${ctx.libDir}/domain-${ctx.id}-${shortName(def)}`;
}
