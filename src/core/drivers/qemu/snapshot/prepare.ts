import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { qemuDisks, type QemuDiskInfo } from './disks.js';
import { checkExternalFormat, prepareDiskExternalActive, prepareDiskExternalInactive } from './external.js';

const unsupportedConfig = (msg: string) => virErr('CONFIG_UNSUPPORTED', msg, 'DOMAIN');

/** qemuSnapshotPrepareDiskInternal: what qemu-img can snapshot on a shut-off domain. */
function prepareDiskInternal(disk: QemuDiskInfo, active: boolean): void {
  if (active) return;
  if (disk.type === 'file' || disk.type === 'block') return;
  if (disk.type === 'network') {
    throw virErr('INTERNAL_ERROR', `internal inactive snapshots are not supported on 'network' disks using '${disk.protocol ?? 'none'}' protocol`);
  }
  throw virErr('INTERNAL_ERROR', `internal inactive snapshots are not supported on '${disk.type}' disks`);
}

/**
 * qemuSnapshotPrepare: checks the aligned snapshot against the domain's disks. Returns
 * whether any disk is external (which makes an inactive snapshot a disk-only one).
 */
export function prepareSnapshot(dom: DomainDef, def: SnapshotDef, active: boolean, reuse: boolean): { external: boolean } {
  const disks = qemuDisks(dom);
  let foundInternal = false;
  let forbidInternal = false;
  let external = 0;
  def.disks.forEach((sd, i) => {
    const dd = disks[i];
    switch (sd.snapshot) {
      case 'internal':
        foundInternal = true;
        if (def.state === 'disk-snapshot' && active) {
          throw unsupportedConfig(`active qemu domains require external disk snapshots; disk ${sd.name} requested internal`);
        }
        prepareDiskInternal(dd, active);
        if (dd.format !== undefined && dd.format !== 'none' && dd.format !== 'qcow2') {
          throw unsupportedConfig(`internal snapshot for disk ${sd.name} unsupported for storage type ${dd.format}`);
        }
        break;
      case 'external':
        checkExternalFormat(sd);
        if (active) prepareDiskExternalActive(dd, sd, reuse);
        else prepareDiskExternalInactive(dd, sd, reuse);
        external++;
        break;
      case 'manual':
        forbidInternal = true;
        break;
      case 'no':
        if (!dd.empty && !dd.readonly) forbidInternal = true;
        break;
      default:
        throw virErr('INTERNAL_ERROR', 'unexpected code path');
    }
  });
  if (!foundInternal && !external && def.memory === 'no') throw unsupportedConfig('nothing selected for snapshot');
  if ((def.memory === 'internal' && !foundInternal) || (foundInternal && forbidInternal)) {
    throw unsupportedConfig('internal and full system snapshots require all disks to be selected for snapshot');
  }
  if (def.state === 'disk-snapshot' && !external) {
    throw unsupportedConfig('disk-only snapshots require at least one disk to be selected for snapshot');
  }
  if ((foundInternal && external) || (def.memory === 'internal' && external) || (def.memory === 'external' && foundInternal)) {
    throw unsupportedConfig('mixing internal and external targets for a snapshot is not yet supported');
  }
  return { external: external > 0 };
}
