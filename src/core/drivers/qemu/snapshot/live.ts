// Internal snapshots of a running guest (qemuSnapshotCreateActiveInternal): QEMU writes the
// disks' snapshots and the guest's memory into the qcow2 images itself (HMP savevm). libvirt
// pauses a running guest around it (savevm would pause it behind libvirt's back) and
// resumes it after, unless --halt ends the guest once the snapshot is taken.
import { DomainState, PausedReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { saveCookie } from '../save/image.js';
import { haltFromSnapshot, resumeAfterSnapshot, stopCpus } from './cpus.js';
import { savevm } from './hmp.js';
import type { SnapshotScope } from './state.js';

export async function createActiveInternal(scope: SnapshotScope, def: SnapshotDef, halt: boolean): Promise<void> {
  const { drv, obj } = scope;
  let resume = false;
  let failure: unknown;
  try {
    if (obj.state === DomainState.RUNNING) {
      await stopCpus(drv, obj, PausedReason.SAVE);
      resume = true;
    }
    if (!obj.proc) throw virErr('INTERNAL_ERROR', 'guest unexpectedly quit');
    await savevm(obj.proc.qmp, def.name);
    def.cookie = saveCookie(obj);
    if (halt) {
      await haltFromSnapshot(drv, obj);
      resume = false;
    }
  } catch (e) {
    failure = e;
  }
  if (resume) failure = await resumeAfterSnapshot(drv, obj, failure);
  if (failure) throw failure;
}
