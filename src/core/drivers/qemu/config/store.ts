import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, syncDir } from './atomic.js';
import type { QemuPaths } from './paths.js';

/** virXMLSaveFile's warning header, naming the domain the way `virsh edit` takes it. */
export function configHeader(name: string): string {
  return `<!--
WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE
OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:
  virsh edit ${name}
or other application using the libvirt API.
-->

`;
}

/** The persistent-config directory of one driver: CONFIGDIR/NAME.xml and autostart links. */
export class ConfigStore {
  constructor(readonly paths: QemuPaths) {}

  configFile(name: string): string {
    return join(this.paths.configDir, `${name}.xml`);
  }

  autostartLink(name: string): string {
    return join(this.paths.autostartDir, `${name}.xml`);
  }

  /** virDomainDefSave: the header and the inactive XML, atomically. */
  save(name: string, xml: string): void {
    writeFileAtomic(this.configFile(name), configHeader(name) + xml);
  }

  /** virDomainDeleteConfig: the config and its autostart link. */
  remove(name: string): void {
    for (const p of [this.autostartLink(name), this.configFile(name)]) {
      try {
        unlinkSync(p);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    syncDir(this.paths.configDir);
  }

  isAutostart(name: string): boolean {
    try {
      return lstatSync(this.autostartLink(name)).isSymbolicLink();
    } catch {
      return false;
    }
  }

  /** Autostart is a symlink AUTOSTARTDIR/NAME.xml → CONFIGDIR/NAME.xml, made atomically. */
  setAutostart(name: string, on: boolean): void {
    const link = this.autostartLink(name);
    if (on) {
      mkdirSync(this.paths.autostartDir, { recursive: true });
      const tmp = `${link}.new`;
      if (existsSync(tmp) || isLink(tmp)) unlinkSync(tmp);
      symlinkSync(this.configFile(name), tmp);
      renameSync(tmp, link);
      syncDir(this.paths.autostartDir);
    } else if (isLink(link)) {
      unlinkSync(link);
      syncDir(this.paths.autostartDir);
    }
  }

  /** Every NAME.xml in the config directory (virDomainObjListLoadAllConfigs), skipping temp files. */
  list(): Array<{ name: string; xml: string }> {
    if (!existsSync(this.paths.configDir)) return [];
    return readdirSync(this.paths.configDir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => ({ name: f.slice(0, -4), xml: readFileSync(join(this.paths.configDir, f), 'utf8') }));
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
