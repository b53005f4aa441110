// Internal snapshots of a shut-off domain's qcow2 images, made with qemu-img the way
// qemuDomainSnapshotForEachQcow2 does. A running domain's snapshots go through its QMP
// monitor instead and never reach this file.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { VirError, virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { isLocalStorage, qemuDisks } from './disks.js';

/** qemu-img snapshot's operations: create, apply (revert), delete. */
export type Qcow2Op = '-c' | '-a' | '-d';

/** qemuFindQemuImgBinary: qemu-img from PATH. */
export function qemuImgBinary(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, 'qemu-img');
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // next PATH entry
    }
  }
  throw virErr('INTERNAL_ERROR', 'unable to find qemu-img');
}

/** virBufferEscapeShell: an argument as virCommandToString shows it. */
function shellArg(a: string): string {
  if (a !== '' && !/[\s'"\\$`&|;<>(){}[\]*?!~#]/.test(a)) return a;
  return `'${a.replaceAll("'", "'\\''")}'`;
}

/** virCommandRun without an exit-status pointer: a failure names the command and its stderr. */
export function run(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(argv[0], argv.slice(1), { env: { ...process.env, LC_ALL: 'C' } }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const code = typeof err.code === 'number' ? err.code : undefined;
      const status = code !== undefined ? `exit status ${code}` : `fatal signal ${err.signal ?? ''}`;
      const tail = stderr ? `: ${stderr}` : '';
      reject(virErr('INTERNAL_ERROR', `Child process (${argv.map(shellArg).join(' ')}) unexpected ${status}${tail}`));
    });
  });
}

/**
 * qemuDomainSnapshotForEachQcow2Raw over the first `ndisks` disks of `def`: runs
 * `qemu-img snapshot OP NAME IMAGE` on each disk the snapshot holds internally. With
 * `tryAll` a disk that fails is skipped and the result says so (the failure stays the last
 * error); without it the first failure ends the walk, and a failed creation first deletes
 * what it made on the earlier disks.
 */
export async function forEachQcow2(
  def: DomainDef,
  snap: SnapshotDef,
  op: Qcow2Op,
  tryAll: boolean,
  ndisks?: number,
): Promise<{ skipped: boolean; lastError?: VirError }> {
  const bin = qemuImgBinary();
  const disks = qemuDisks(def);
  const count = ndisks ?? disks.length;
  let skipped = false;
  let lastError: VirError | undefined;
  for (let i = 0; i < count; i++) {
    const disk = disks[i];
    if (disk.device !== 'disk' || snap.disks[i]?.snapshot !== 'internal') continue;
    if (!isLocalStorage(disk)) {
      throw virErr('OPERATION_INVALID', `can't manipulate inactive snapshots of disk '${disk.dst}'`);
    }
    const rollBack = async () => {
      if (op === '-c' && i) await forEachQcow2(def, snap, '-d', false, i).catch(() => undefined);
    };
    if (disk.format !== undefined && disk.format !== 'qcow2') {
      if (tryAll) {
        skipped = true;
        continue;
      }
      await rollBack();
      throw virErr('OPERATION_INVALID', `Disk device '${disk.dst}' does not support snapshotting`);
    }
    try {
      await run([bin, 'snapshot', op, snap.name, disk.source ?? '']);
    } catch (e) {
      if (tryAll) {
        skipped = true;
        lastError = e as VirError;
        continue;
      }
      await rollBack();
      throw e;
    }
  }
  return { skipped, lastError };
}
