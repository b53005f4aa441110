// qemuSaveImageCreate: a running guest's state into a save image. The header goes first,
// marked partial; QEMU's migration stream follows; only then does the header say complete.
// A failure removes a file this call created, so no half image is left behind.
import { closeSync, constants, fsyncSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { formatElem } from '../../../xml/domain/elem.js';
import type { QemuDomainObj } from '../domain/obj.js';
import type { QemuProcess } from '../process/index.js';
import { markComplete, streamOffset, writeSaveData, type SaveData } from './header.js';
import { migrateToFile } from './migrate.js';

/** The save cookie (qemuDomainSaveCookieFormat): the live CPU when it differs from the defined one, and whether a slirp helper may be used. */
export function saveCookie(obj: QemuDomainObj): string {
  const slirpHelperOk = !obj.def.devices.some((d) => d.kind === 'interface' && d.el.attrs.some(([k, v]) => k === 'type' && v === 'user'));
  const body = [obj.origCpu && obj.def.cpu ? formatElem(obj.def.cpu, 1) : '', slirpHelperOk ? '  <slirpHelper/>\n' : ''].join('');
  return `<cookie>\n${body}</cookie>\n`;
}

/** The definition the image's XML is made from: the live one, its CPU as defined. */
export function definedView(obj: QemuDomainObj): DomainDef {
  if (!obj.origCpu) return obj.def;
  return { ...obj.def, cpu: obj.origCpu };
}

function openForSave(path: string): { fd: number; created: boolean } {
  try {
    return { fd: openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600), created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw virErr('SYSTEM_ERROR', `Failed to create file '${path}': ${strerror(e)}`, 'QEMU');
  }
  try {
    return { fd: openSync(path, constants.O_WRONLY | constants.O_TRUNC), created: false };
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to create file '${path}': ${strerror(e)}`, 'QEMU');
  }
}

export async function createImage(proc: QemuProcess, path: string, data: SaveData): Promise<void> {
  const { fd, created } = openForSave(path);
  try {
    writeSaveData(fd, path, data);
    await migrateToFile(proc.qmp, join(proc.paths.domainDir, 'save.sock'), fd, streamOffset(data));
    markComplete(fd, path, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    if (created) unlinkSync(path);
    throw err;
  }
  closeSync(fd);
}
