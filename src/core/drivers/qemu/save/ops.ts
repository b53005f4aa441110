// The save/restore API of the QEMU driver: save images anywhere, and the managed save image
// each persistent domain may have (LIBDIR/save/NAME.save), restored by its next start.
import { closeSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { DomainSave, DomainXML, type DomainApi } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { formatDomainXML } from '../../../xml/domain/index.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { SAVE_MAGIC, writeSaveData } from './header.js';
import { imageXML } from './migratable.js';
import { managedSavePath, saveDir } from './paths.js';
import { openSaveImage, restoreImage, updateImageDef } from './restore.js';
import { saveDomain } from './save.js';

type Ops = Pick<
  DomainApi,
  | 'domainSave' | 'domainRestore' | 'domainSaveImageGetXMLDesc' | 'domainSaveImageDefineXML' | 'domainManagedSave'
  | 'domainManagedSaveRemove' | 'domainManagedSaveGetXMLDesc' | 'domainManagedSaveDefineXML'
>;

const SAVE_FLAGS = DomainSave.BYPASS_CACHE | DomainSave.RUNNING | DomainSave.PAUSED;

/** The state a save image records, as the RUNNING/PAUSED flags override it (undefined: as saved). */
function stateFromFlags(flags: number): boolean | undefined {
  if (flags & DomainSave.RUNNING) return true;
  if (flags & DomainSave.PAUSED) return false;
  return undefined;
}

const noManagedSave = () => virErr('OPERATION_INVALID', 'domain does not have managed save image');

export function saveOps(drv: QemuDriver): Ops {
  const list = drv.domains;

  async function imageXMLDesc(path: string, flags: number): Promise<string> {
    const { fd, def } = await openSaveImage(drv, path);
    closeSync(fd);
    return formatDomainXML(def, { flags, id: -1 });
  }

  /** qemuDomainSaveImageDefineXML: the image's XML (and state) rewritten in place. */
  async function defineImageXML(path: string, dxml: string, flags: number): Promise<void> {
    checkFlags(flags, DomainSave.RUNNING | DomainSave.PAUSED, 'qemuDomainSaveImageDefineXML');
    const state = stateFromFlags(flags);
    const { fd, data, def } = await openSaveImage(drv, path, { write: true });
    try {
      if (data.xml === dxml && (state === undefined || state === data.wasRunning)) return;
      if (state !== undefined) data.wasRunning = state;
      data.xml = imageXML(await updateImageDef(drv, def, dxml));
      writeSaveData(fd, path, data, SAVE_MAGIC);
    } finally {
      closeSync(fd);
    }
  }

  async function managedSave(o: QemuDomainObj, flags: number): Promise<void> {
    if (o.id === -1) throw virErr('OPERATION_INVALID', 'domain is not running');
    if (!o.persistent) throw virErr('OPERATION_INVALID', 'cannot do managed save for transient domain');
    mkdirSync(saveDir(drv.paths), { recursive: true });
    await saveDomain(drv, o, managedSavePath(drv.paths, o.def.name), null, flags);
    o.hasManagedSave = true;
  }

  return {
    async domainSave(dom, path, dxml, flags) {
      checkFlags(flags, SAVE_FLAGS, 'qemuDomainSaveFlags');
      await saveDomain(drv, list.fromHandle(dom), path, dxml, flags);
    },
    async domainRestore(path, dxml, flags) {
      checkFlags(flags, SAVE_FLAGS | DomainSave.RESET_NVRAM, 'qemuDomainRestoreFlags');
      await restoreImage(drv, path, dxml, stateFromFlags(flags));
    },
    async domainSaveImageGetXMLDesc(path, flags) {
      checkFlags(flags, DomainXML.SECURE, 'qemuDomainSaveImageGetXMLDesc');
      return imageXMLDesc(path, flags);
    },
    async domainSaveImageDefineXML(path, dxml, flags) {
      await defineImageXML(path, dxml, flags);
    },
    async domainManagedSave(dom, flags) {
      checkFlags(flags, SAVE_FLAGS, 'qemuDomainManagedSave');
      await managedSave(list.fromHandle(dom), flags);
    },
    async domainManagedSaveRemove(dom, flags) {
      checkFlags(flags, 0, 'qemuDomainManagedSaveRemove');
      const o = list.fromHandle(dom);
      const path = managedSavePath(drv.paths, o.def.name);
      try {
        unlinkSync(path);
      } catch (e) {
        throw virErr('SYSTEM_ERROR', `Failed to remove managed save file '${path}': ${strerror(e)}`, 'QEMU');
      }
      o.hasManagedSave = false;
    },
    async domainManagedSaveGetXMLDesc(dom, flags) {
      checkFlags(flags, DomainXML.SECURE, 'qemuDomainManagedSaveGetXMLDesc');
      const path = managedSavePath(drv.paths, list.fromHandle(dom).def.name);
      if (!existsSync(path)) throw noManagedSave();
      return imageXMLDesc(path, flags);
    },
    async domainManagedSaveDefineXML(dom, dxml, flags) {
      const path = managedSavePath(drv.paths, list.fromHandle(dom).def.name);
      if (!existsSync(path)) throw noManagedSave();
      await defineImageXML(path, dxml, flags);
    },
  };
}
