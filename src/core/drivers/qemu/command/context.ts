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
}

/** virDomainDefGetShortName: the name cut to 20 characters for per-domain paths. */
export function shortName(def: DomainDef): string {
  return [...def.name].slice(0, 20).join('');
}

/** qemuDomainSetPrivatePaths: LIBDIR/domain-ID-NAME. */
export function domainLibDir(def: DomainDef, ctx: ArgvContext): string {
  return `${ctx.libDir}/domain-${ctx.id}-${shortName(def)}`;
}
