// External snapshots of a running guest (qemuSnapshotCreateActiveExternal): the memory, if
// asked for, goes to a save image; each selected disk gets a qcow2 overlay whose backing file is the image in use, QEMU opens
// it as a new node pair and one `transaction` of blockdev-snapshot actions moves every disk
// onto its overlay at once. The live definition then shows the old image as the overlay's
// backing store, and the persistent one follows when it named the same image.
import { chmodSync, existsSync, rmSync, unlinkSync } from 'node:fs';
import { DomainState, PausedReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, setAttr, sub, type Elem } from '../../../xml/domain/elem.js';
import type { SnapshotDef, SnapshotDiskDef } from '../../../xml/snapshot/def.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { addNodes, delNodes, nodeNames } from '../devices/live/disk-backend.js';
import { nextNodeIndex, pinNodeIndex } from '../devices/live/node-index.js';
import { saveStatus } from '../lifecycle/status.js';
import type { QmpClient } from '../qmp/index.js';
import { escapeComma, type JsonProps } from '../command/argv.js';
import { qemuImgBinary, run } from './offline.js';
import type { SnapshotScope } from './state.js';
import { haltFromSnapshot, resumeAfterSnapshot, stopCpus } from './cpus.js';
import { createImage, definedView, saveCookie } from '../save/image.js';
import { SAVE_VERSION } from '../save/header.js';
import { imageXML } from '../save/migratable.js';

/** One disk moving onto its overlay. */
interface Move {
  disk: Elem;
  sd: SnapshotDiskDef;
  /** The overlay's node number. */
  n: number;
  /** The node the overlay goes on top of. */
  top: string;
  created: boolean;
}

const diskElems = (def: DomainDef) => def.devices.filter((d) => d.kind === 'disk').map((d) => d.el);
const sourcePath = (disk: Elem) => attr(sub(disk, 'source'), 'file') ?? attr(sub(disk, 'source'), 'dev');

/** The virtual size of a node (query-named-block-nodes), which a new overlay takes. */
async function virtualSize(qmp: QmpClient, node: string): Promise<number> {
  const nodes = await qmp.execute<Array<{ 'node-name': string; image: { 'virtual-size': number } }>>('query-named-block-nodes', { flat: true });
  const found = nodes.find((x) => x['node-name'] === node);
  if (!found) throw virErr('INTERNAL_ERROR', `unable to find blockdev node '${node}'`);
  return found.image['virtual-size'];
}

/** qemuBlockStorageSourceCreate's result: a qcow2 image naming the disk's image as its backing file, mode 0600. */
async function createOverlay(qmp: QmpClient, disk: Elem, sd: SnapshotDiskDef, top: string): Promise<void> {
  const size = await virtualSize(qmp, top);
  const backingFmt = attr(sub(disk, 'driver'), 'type') ?? 'raw';
  const path = sd.path ?? '';
  // -u: QEMU holds the backing image; its size is known already.
  await run([qemuImgBinary(), 'create', '-q', '-f', sd.format ?? 'qcow2', '-u', '-F', backingFmt, '-b', escapeComma(sourcePath(disk) ?? ''), escapeComma(path), String(size)]);
  chmodSync(path, 0o600);
}

/** The overlay's node pair, its backing left to blockdev-snapshot (a terminator: backing null). */
function overlayNodes(sd: SnapshotDiskDef, n: number): JsonProps[] {
  const [storage, format] = nodeNames(n);
  const file = { driver: sd.type === 'block' ? 'host_device' : 'file', filename: sd.path ?? '' };
  return [
    { ...file, 'node-name': storage, 'auto-read-only': true, discard: 'unmap' },
    { 'node-name': format, 'read-only': false, driver: sd.format ?? 'qcow2', file: storage, backing: null },
  ];
}

/** The disk's image as the overlay's backing store, in the live (indexed) or the persistent form. */
function backingOf(disk: Elem, live: boolean): Elem {
  const type = attr(disk, 'type') ?? 'file';
  const src = sub(disk, 'source');
  const path = sourcePath(disk);
  const below = sub(disk, 'backingStore');
  const children = [elem('format', [['type', attr(sub(disk, 'driver'), 'type') ?? 'raw']]), elem('source', [[type === 'block' ? 'dev' : 'file', path]])];
  if (below && (live || below.children.length)) children.push(below);
  return elem('backingStore', [['type', type], ['index', live ? attr(src, 'index') : undefined]], children);
}

/** qemuSnapshotDiskUpdateSource on one disk element: the overlay on top, the old image below it. */
function moveOnto(disk: Elem, sd: SnapshotDiskDef, index: number | undefined): void {
  const backing = backingOf(disk, index !== undefined);
  setAttr(disk, 'type', sd.type);
  const source = elem('source', [[sd.type === 'block' ? 'dev' : 'file', sd.path], ['index', index]]);
  const at = disk.children.findIndex((c) => c.name === 'source');
  disk.children.splice(at, 1, source);
  const old = disk.children.findIndex((c) => c.name === 'backingStore');
  if (old >= 0) disk.children.splice(old, 1, backing);
  else disk.children.splice(at + 1, 0, backing);
  const driver = sub(disk, 'driver');
  if (driver) setAttr(driver, 'type', sd.format);
}

/** The persistent disk of the same target, when it names the same image (virStorageSourceIsSameLocation). */
function persistentTwin(newDef: DomainDef | undefined, disk: Elem, dst: string): Elem | undefined {
  const twin = newDef && diskElems(newDef).find((d) => attr(sub(d, 'target'), 'dev') === dst);
  return twin && (attr(twin, 'type') ?? 'file') === (attr(disk, 'type') ?? 'file') && sourcePath(twin) === sourcePath(disk) ? twin : undefined;
}

/** Overlays this call made, removed again when the snapshot fails. */
function removeCreated(moves: Move[]): void {
  for (const m of moves) {
    if (!m.created) continue;
    try {
      unlinkSync(m.sd.path ?? '');
    } catch {
      // libvirt only warns.
    }
  }
}

async function diskOnly(obj: QemuDomainObj, def: SnapshotDef, reuse: boolean): Promise<void> {
  const proc = obj.proc;
  if (!proc) throw virErr('OPERATION_INVALID', 'domain is not running');
  const disks = diskElems(obj.def);
  const moves: Move[] = [];
  const added: string[] = [];
  pinNodeIndex(obj);
  try {
    for (const [i, sd] of def.disks.entries()) {
      if (sd.snapshot !== 'external') continue;
      const disk = disks[i];
      const top = nodeNames(Number(attr(sub(disk, 'source'), 'index') ?? 0))[1];
      const move: Move = { disk, sd, n: nextNodeIndex(obj), top, created: false };
      moves.push(move);
      if (!reuse && sd.type !== 'block') {
        await createOverlay(proc.qmp, disk, sd, top);
        move.created = true;
      }
      await addNodes(proc.qmp, overlayNodes(sd, move.n));
      added.push(...nodeNames(move.n));
    }
    if (moves.length) {
      const actions = moves.map((m) => ({ type: 'blockdev-snapshot', data: { node: m.top, overlay: nodeNames(m.n)[1] } }));
      await proc.qmp.execute('transaction', { actions });
    }
  } catch (e) {
    await delNodes(proc.qmp, added);
    removeCreated(moves);
    throw e;
  }
  for (const m of moves) {
    const dst = attr(sub(m.disk, 'target'), 'dev') ?? '';
    const twin = persistentTwin(obj.newDef, m.disk, dst);
    moveOnto(m.disk, m.sd, m.n);
    if (twin) moveOnto(twin, m.sd, undefined);
  }
}

/** qemuSaveImageCreate into the snapshot's memory file: the guest's state as a save image. */
async function saveMemory(obj: QemuDomainObj, def: SnapshotDef, wasRunning: boolean): Promise<void> {
  const proc = obj.proc;
  if (!proc) throw virErr('OPERATION_INVALID', 'domain is not running');
  def.cookie = saveCookie(obj);
  const data = { version: SAVE_VERSION, dataLen: 0, wasRunning, compressed: 0, xml: imageXML(definedView(obj)), cookie: def.cookie };
  await createImage(proc, def.memoryFile ?? '', data);
}

export interface ExternalOptions {
  reuse: boolean;
  halt: boolean;
  /** --live: the memory is saved while the guest runs (QEMU pauses it once the state converged). */
  live: boolean;
}

/**
 * qemuSnapshotCreateActiveExternal: a full system snapshot pauses a running guest
 * (paused (creating snapshot)) unless --live, writes its memory as a save image and
 * resumes it at the end; disks left to the user pause it too, and then it stays paused.
 * The overlays follow, the definitions are saved (status, then the persistent config), and
 * --halt stops the guest once all is done. A memory file this call made goes on failure.
 */
export async function createActiveExternal(scope: SnapshotScope, def: SnapshotDef, options: ExternalOptions): Promise<void> {
  const { drv, obj } = scope;
  const memory = def.memory === 'external';
  const manual = def.disks.some((d) => d.snapshot === 'manual');
  const madeMemory = memory && !existsSync(def.memoryFile ?? '');
  let resume = false;
  let failure: unknown;
  try {
    if (obj.state === DomainState.RUNNING) {
      resume = memory && !manual;
      if ((memory || manual) && !options.live) await stopCpus(drv, obj, PausedReason.SNAPSHOT);
    }
    if (memory) await saveMemory(obj, def, resume);
    await diskOnly(obj, def, options.reuse);
    saveStatus(drv.paths, obj);
    if (obj.persistent && obj.newDef) drv.saveDef(obj, obj.newDef);
    if (options.halt) {
      await haltFromSnapshot(drv, obj);
      resume = false;
    }
  } catch (e) {
    failure = e;
  }
  if (resume) failure = await resumeAfterSnapshot(drv, obj, failure);
  if (failure === undefined) return;
  if (madeMemory) rmSync(def.memoryFile ?? '', { force: true });
  throw failure;
}
