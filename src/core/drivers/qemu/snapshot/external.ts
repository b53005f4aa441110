// Disk-only snapshots of a shut-off domain (qemuSnapshotCreateInactiveExternal): qemu-img
// puts a new qcow2 overlay on each selected image and the domain's persistent definition
// moves to the overlays. A running domain's overlays are made through QMP blockdev commands.
import { statSync, unlinkSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { elem, setAttr, sub } from '../../../xml/domain/elem.js';
import type { SnapshotDef, SnapshotDiskDef } from '../../../xml/snapshot/def.js';
import { escapeComma } from '../command/argv.js';
import type { QemuDiskInfo } from './disks.js';
import { qemuImgBinary, run } from './offline.js';

const unsupportedConfig = (msg: string) => virErr('CONFIG_UNSUPPORTED', msg);
/** virReportSystemError: the message, then the errno's text. */
const systemError = (e: unknown, msg: string) => virErr('SYSTEM_ERROR', `${msg}: ${strerror(e)}`);

function statOf(path: string): { st?: ReturnType<typeof statSync>; errno?: NodeJS.ErrnoException } {
  try {
    return { st: statSync(path) };
  } catch (e) {
    return { errno: e as NodeJS.ErrnoException };
  }
}

/** qemuSnapshotPrepareDiskExternalInactive + the target checks of qemuSnapshotPrepareDiskExternal. */
export function prepareDiskExternalInactive(dd: QemuDiskInfo, sd: SnapshotDiskDef, reuse: boolean): void {
  if (dd.type === 'network') {
    throw virErr('INTERNAL_ERROR', `external inactive snapshots are not supported on 'network' disks using '${dd.protocol ?? 'none'}' protocol`);
  }
  if (dd.type !== 'file' && dd.type !== 'block') throw virErr('INTERNAL_ERROR', `external inactive snapshots are not supported on '${dd.type}' disks`);
  if (sd.type !== 'file' && sd.type !== 'block') throw virErr('INTERNAL_ERROR', `external inactive snapshots are not supported on '${sd.type}' disks`);
  checkExternalTarget(sd, reuse);
}

/** qemuSnapshotPrepareDiskExternalActive + the target checks: QEMU opens the overlay itself. */
export function prepareDiskExternalActive(dd: QemuDiskInfo, sd: SnapshotDiskDef, reuse: boolean): void {
  if (sd.snapshot === 'manual') return;
  if (dd.device === 'lun') throw unsupportedConfig('external active snapshots are not supported on scsi passthrough devices');
  if (sd.type !== 'file' && sd.type !== 'block' && sd.type !== 'network') {
    throw virErr('INTERNAL_ERROR', `external active snapshots are not supported on '${sd.type}' disks`);
  }
  if (sd.type !== 'network') checkExternalTarget(sd, reuse);
}

/** The checks qemuSnapshotPrepareDiskExternal makes on a local overlay target. */
function checkExternalTarget(sd: SnapshotDiskDef, reuse: boolean): void {
  const path = sd.path ?? '';
  const { st, errno } = statOf(path);
  if (!st) {
    if (errno?.code !== 'ENOENT') throw systemError(errno, `unable to stat for disk ${sd.name}: ${path}`);
    if (reuse) throw systemError(errno, `missing existing file for disk ${sd.name}: ${path}`);
    if (sd.type === 'block') throw virErr('OPERATION_UNSUPPORTED', `block device snapshot target '${path}' doesn't exist`);
    return;
  }
  if ((sd.type === 'block' && !st.isBlockDevice()) || (sd.type === 'file' && !st.isFile())) {
    throw unsupportedConfig(`mismatch between configured type for snapshot disk '${sd.name}' and the type of existing file '${path}'`);
  }
  if (!reuse && sd.type === 'file' && st.size > 0) {
    throw unsupportedConfig(`external snapshot file for disk ${sd.name} already exists and is not a block device: ${path}`);
  }
}

/** The external-disk format rules of qemuSnapshotPrepare. */
export function checkExternalFormat(sd: SnapshotDiskDef): void {
  if (sd.format === undefined) sd.format = 'qcow2';
  else if (sd.format !== 'qcow2' && sd.format !== 'qed') {
    throw unsupportedConfig(`external snapshot format for disk ${sd.name} is unsupported: ${sd.format}`);
  }
  if (sd.metadataCacheMaxSize !== undefined && sd.metadataCacheMaxSize > 0n && sd.format !== 'qcow2') {
    throw unsupportedConfig('metadata cache max size control is supported only with qcow2 images');
  }
}

/** The domain's disk elements in order (vm->def->disks). */
const diskElems = (def: DomainDef) => def.devices.filter((d) => d.kind === 'disk').map((d) => d.el);

/** Points a disk at its new overlay: source, storage type and format. */
function moveToOverlay(def: DomainDef, i: number, sd: SnapshotDiskDef): void {
  const el = diskElems(def)[i];
  setAttr(el, 'type', sd.type);
  const source = elem('source', [[sd.type === 'block' ? 'dev' : 'file', sd.path]]);
  const at = el.children.findIndex((c) => c.name === 'source');
  if (at >= 0) el.children[at] = source;
  else el.children.splice(1, 0, source);
  const driver = sub(el, 'driver');
  if (driver) setAttr(driver, 'type', sd.format);
  else el.children.unshift(elem('driver', [['name', 'qemu'], ['type', sd.format]]));
}

/**
 * qemuSnapshotCreateInactiveExternal: creates the overlays (unless reusing the caller's),
 * then returns the domain definition that uses them. Overlays it made are removed again if
 * a later one fails.
 */
export async function createInactiveExternal(dom: DomainDef, disks: QemuDiskInfo[], snap: SnapshotDef, reuse: boolean): Promise<DomainDef> {
  const created: string[] = [];
  const bin = qemuImgBinary();
  try {
    for (const [i, sd] of snap.disks.entries()) {
      if (reuse || sd.snapshot !== 'external') continue;
      sd.format ??= 'qcow2';
      const dd = disks[i];
      const path = sd.path ?? '';
      const fresh = statOf(path).st === undefined;
      const options = `backing_fmt=${dd.format ?? 'none'},backing_file=${escapeComma(dd.source ?? '')}`;
      await run([bin, 'create', '-f', sd.format, '-o', options, escapeComma(path)]);
      if (fresh) created.push(path);
    }
  } catch (e) {
    for (const p of created) {
      try {
        unlinkSync(p);
      } catch {
        // libvirt only warns when an overlay it made cannot be removed.
      }
    }
    throw e;
  }
  const next = structuredClone(dom);
  snap.disks.forEach((sd, i) => {
    if (sd.snapshot === 'external') moveToOverlay(next, i, sd);
  });
  return next;
}

