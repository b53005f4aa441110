// Storage node numbering of a running guest (qemuDomainStorageIDNew): every source prepared for
// QEMU takes the next number of a per-domain counter, kept in the status file as
// <nodename index='N'/> and never given back, so a node removed by a detach is not reused.
import { attr, sub } from '../../../../xml/domain/elem.js';
import type { QemuDomainObj } from '../../domain/obj.js';

/**
 * The counter as the guest left it. A guest started before the counter was recorded has used
 * one number per disk at start (libvirt prepares empty drives too) and no more than the
 * largest source index since.
 */
function current(obj: QemuDomainObj): number {
  if (obj.nodenameIndex !== undefined) return obj.nodenameIndex;
  const disks = obj.def.devices.filter((d) => d.kind === 'disk');
  const indexes = disks.map((d) => Number(attr(sub(d.el, 'source'), 'index') ?? 0));
  return Math.max(disks.length, ...indexes);
}

/** Records the counter before the live definition changes, so it survives the disks it counts. */
export function pinNodeIndex(obj: QemuDomainObj): void {
  obj.nodenameIndex = current(obj);
}

export function nextNodeIndex(obj: QemuDomainObj): number {
  obj.nodenameIndex = current(obj) + 1;
  return obj.nodenameIndex;
}
