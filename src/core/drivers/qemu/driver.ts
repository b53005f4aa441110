import { mkdirSync } from 'node:fs';
import { formatDomainXML, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_SECURE, type DomainDef } from '../../xml/domain/index.js';
import { QemuCaps } from './caps/index.js';
import type { QemuPaths } from './config/paths.js';
import { ConfigStore } from './config/store.js';
import { loadQemuConf } from './config/qemu-conf.js';
import { parseQemuDomain } from './domain/parse.js';
import { DomainList, isActive, newObj, type QemuDomainObj } from './domain/obj.js';
import { reconnectAll } from './lifecycle/reconnect.js';
import { hasManagedSaveImage } from './save/managed-start.js';

/** The persistent form: virDomainDefFormat(INACTIVE | SECURE), as virDomainDefSave writes it. */
const CONFIG_FLAGS = VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE;

/**
 * One QEMU driver instance (qemuStateInitialize): its directories, capabilities cache and
 * domain list. Every change to a persistent definition is written to disk before it is
 * made visible, so a crash never leaves a listed domain without its config.
 */
export class QemuDriver {
  readonly caps: QemuCaps;
  readonly store: ConfigStore;
  readonly domains = new DomainList();
  /** The last domain id handed out (ids start above the highest of the guests found running). */
  lastId = 0;
  /** Definitions that failed to load, with why (libvirt logs and skips them). */
  readonly loadErrors: Array<{ name: string; error: string }> = [];
  /** virStateInhibitCallback: told when the first guest starts and when the last one stops. */
  private inhibitCallback?: (inhibit: boolean) => void;
  private inhibiting = false;

  private constructor(readonly paths: QemuPaths) {
    this.caps = new QemuCaps(paths.cacheDir, loadQemuConf(paths.qemuConf));
    this.store = new ConfigStore(paths);
  }

  /** Makes the directories and loads every persistent config (virDomainObjListLoadAllConfigs). */
  static async open(paths: QemuPaths): Promise<QemuDriver> {
    for (const d of [paths.configDir, paths.stateDir, paths.cacheDir, paths.libDir]) mkdirSync(d, { recursive: true });
    const drv = new QemuDriver(paths);
    for (const { name, xml } of drv.store.list()) {
      try {
        // VIR_DOMAIN_DEF_PARSE_SKIP_VALIDATE: a saved config loads even where a new one would be refused.
        const def = await parseQemuDomain(xml, drv.caps, { skipValidate: true });
        if (def.name !== name) throw new Error(`Domain config filename '${name}' does not match domain name '${def.name}'`);
        if (drv.domains.checkAdd(def)) continue;
        const obj = newObj(def);
        obj.autostart = drv.store.isAutostart(name);
        obj.hasManagedSave = hasManagedSaveImage(drv, name);
        drv.domains.objs.push(obj);
      } catch (e) {
        drv.loadErrors.push({ name, error: (e as Error).message });
      }
    }
    await reconnectAll(drv);
    return drv;
  }

  /** Registers the hosting daemon's inhibit callback, told at once if guests already run. */
  setInhibitCallback(callback: (inhibit: boolean) => void): void {
    this.inhibitCallback = callback;
    this.inhibiting = false;
    this.updateInhibit();
  }

  /** Called whenever a domain became active or inactive (libvirt's nactive count). */
  updateInhibit(): void {
    const active = this.domains.objs.some(isActive);
    if (active === this.inhibiting) return;
    this.inhibiting = active;
    this.inhibitCallback?.(active);
  }

  parse(xml: string, options: { live?: boolean } = {}): Promise<DomainDef> {
    return parseQemuDomain(xml, this.caps, options);
  }

  /** virDomainObjListAdd + virDomainDefSave: disk first, then the list. */
  define(def: DomainDef): QemuDomainObj {
    const existing = this.domains.checkAdd(def);
    this.store.save(def.name, formatDomainXML(def, { flags: CONFIG_FLAGS, id: -1 }));
    if (existing) {
      if (existing.id === -1) existing.def = def;
      else existing.newDef = def;
      existing.persistent = true;
      return existing;
    }
    const obj = newObj(def);
    this.domains.objs.push(obj);
    return obj;
  }

  /** Replaces the persistent definition of `obj` with `def` (metadata edits and the like). */
  saveDef(obj: QemuDomainObj, def: DomainDef): void {
    this.store.save(def.name, formatDomainXML(def, { flags: CONFIG_FLAGS, id: -1 }));
    if (obj.newDef || obj.id !== -1) obj.newDef = def;
    else obj.def = def;
  }

  undefine(obj: QemuDomainObj): void {
    this.store.remove(obj.def.name);
    obj.autostart = false;
    if (obj.id === -1) this.domains.remove(obj);
    else {
      obj.persistent = false;
      obj.newDef = undefined;
    }
  }

  /** qemuDomainRenameCallback: new config written, old one and its autostart link removed. */
  rename(obj: QemuDomainObj, newName: string): void {
    const oldName = obj.def.name;
    const def = structuredClone(obj.def);
    def.name = newName;
    this.store.save(newName, formatDomainXML(def, { flags: CONFIG_FLAGS, id: -1 }));
    if (obj.autostart) this.store.setAutostart(newName, true);
    this.store.remove(oldName);
    obj.def = def;
  }
}
