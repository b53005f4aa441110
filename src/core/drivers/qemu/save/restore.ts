// Starting a guest from a save image (qemuDomainRestoreInternal, qemuDomainObjRestore,
// qemuSaveImageStartVM): the image's definition runs, QEMU starts with an incoming migration
// fed from the image, and the guest runs on as "restored" when it was running at save time
// (or stays paused, migrating).
import { closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import type { QemuDriver } from '../driver.js';
import { isActive, newObj, type QemuDomainObj } from '../domain/obj.js';
import { startDomain } from '../lifecycle/start.js';
import { emitLifecycle } from '../events/index.js';
import { DomainLifecycle, LifecycleDetail } from '../../../api/events.js';
import { checkABIStability } from './abi.js';
import { openImage, readSaveData, streamOffset, type SaveData } from './header.js';
import { migrateFromFile } from './migrate.js';

/** VIR_DOMAIN_EVENT_SUSPENDED_RESTORED: a guest restored from an image saved paused. */
const SUSPENDED_RESTORED = 4;

export interface OpenedImage {
  data: SaveData;
  def: DomainDef;
}

/** qemuSaveImageOpen: the image's data and definition; undefined when `unlinkCorrupt` removed a partial image. */
export async function openSaveImage(drv: QemuDriver, path: string, options: { write?: boolean; unlinkCorrupt?: boolean } = {}): Promise<OpenedImage & { fd: number }> {
  const fd = openImage(path, options.write ? 'r+' : 'r');
  try {
    const data = readSaveData(fd, options.unlinkCorrupt ? () => unlinkCorrupt(path) : undefined);
    if (!data) throw new CorruptImageRemoved();
    return { data, def: await drv.parse(data.xml), fd };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** A managed save image that was never completed, removed so the domain boots afresh. */
export class CorruptImageRemoved extends Error {}

function unlinkCorrupt(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `cannot remove corrupt file: ${path}: ${(e as Error).message}`, 'QEMU');
  }
}

/** qemuSaveImageUpdateDef: a replacement definition must keep the saved guest's ABI. */
export async function updateImageDef(drv: QemuDriver, def: DomainDef, xml: string): Promise<DomainDef> {
  const next = await drv.parse(xml);
  checkABIStability(def, next);
  return next;
}

/** qemuSaveImageStartVM on `obj` with the image's definition. */
export async function startFromImage(drv: QemuDriver, obj: QemuDomainObj, path: string, image: OpenedImage, paused: boolean): Promise<void> {
  const feed = async (proc: NonNullable<QemuDomainObj['proc']>) =>
    migrateFromFile(proc.qmp, join(proc.paths.domainDir, 'incoming.sock'), path, streamOffset(image.data), image.data.compressed);
  await startDomain(drv, obj, { paused: paused || !image.data.wasRunning, incoming: { def: image.def, feed } });
  emitLifecycle(drv, obj, DomainLifecycle.STARTED, LifecycleDetail.STARTED_RESTORED);
  if (paused) emitLifecycle(drv, obj, DomainLifecycle.SUSPENDED, LifecycleDetail.SUSPENDED_PAUSED);
  else if (!image.data.wasRunning) emitLifecycle(drv, obj, DomainLifecycle.SUSPENDED, SUSPENDED_RESTORED);
}

/** qemuDomainRestoreInternal: the image's domain, added live (or taking over its inactive namesake), started from it. */
export async function restoreImage(drv: QemuDriver, path: string, dxml: string | null, wasRunning: boolean | undefined): Promise<void> {
  const { fd, ...image } = await openSaveImage(drv, path);
  closeSync(fd);
  if (dxml !== null) image.def = await updateImageDef(drv, image.def, dxml);
  let obj = drv.domains.checkAdd(image.def);
  if (obj && isActive(obj)) throw virErr('OPERATION_INVALID', `domain '${image.def.name}' is already active`);
  if (!obj) {
    obj = newObj(image.def);
    obj.persistent = false;
    drv.domains.objs.push(obj);
  }
  if (wasRunning !== undefined) image.data.wasRunning = wasRunning;
  try {
    await startFromImage(drv, obj, path, image, false);
  } finally {
    // qemuDomainRemoveInactive: a transient domain that did not start is gone.
    if (!isActive(obj) && !obj.persistent) drv.domains.remove(obj);
  }
}

/**
 * qemuDomainObjRestore for a managed save image: true when the guest runs from it, false when
 * the image was incomplete and has been removed (the caller boots the domain instead).
 */
export async function restoreManaged(drv: QemuDriver, obj: QemuDomainObj, path: string, paused: boolean): Promise<boolean> {
  let opened;
  try {
    opened = await openSaveImage(drv, path, { unlinkCorrupt: true });
  } catch (err) {
    if (err instanceof CorruptImageRemoved) return false;
    throw err;
  }
  const { fd, ...image } = opened;
  closeSync(fd);
  if (obj.def.name !== image.def.name || obj.def.uuid !== image.def.uuid)
    throw virErr(
      'OPERATION_FAILED',
      `cannot restore domain '${obj.def.name}' uuid ${obj.def.uuid} from a file which belongs to domain '${image.def.name}' uuid ${image.def.uuid}`,
      'QEMU',
    );
  await startFromImage(drv, obj, path, image, paused);
  return true;
}
