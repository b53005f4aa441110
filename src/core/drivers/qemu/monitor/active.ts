import { virErr } from '../../../errors.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import type { QemuProcess } from '../process/index.js';

/** virDomainObjCheckActive: the running guest's QEMU, or libvirt's error. */
export function runningProc(o: QemuDomainObj): QemuProcess {
  if (!isActive(o) || !o.proc) throw virErr('OPERATION_INVALID', 'domain is not running');
  return o.proc;
}
