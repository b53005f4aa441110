// virDomainBlockStats, virDomainBlockStatsFlags and virDomainGetBlockInfo (qemu_driver.c).
import { ParamType, TYPED_PARAM_STRING_OKAY, type BlockInfo, type BlockStats, type TypedParam } from '../../../api/domain-devices.js';
import type { DeviceDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import { runningProc } from './active.js';
import { diskByName, diskDevices, diskNode, diskSourcePath, fetchBlockStats, frontendKey, physicalSize, storageLimits, type BlockEntry } from './block.js';

/** qemuDomainBlocksStatsGather: one disk's frontend entry, or the sum over all disks for "". */
async function gather(o: QemuDomainObj, path: string, capacity: boolean): Promise<{ entry: BlockEntry; disk?: DeviceDef }> {
  const proc = runningProc(o);
  let disk: DeviceDef | undefined;
  if (path) {
    disk = diskByName(o.def, path);
    if (!disk) throw virErr('INVALID_ARG', `invalid path: ${path}`);
  }
  const stats = await fetchBlockStats(proc.qmp, capacity);
  const missing = (name: string) => virErr('INTERNAL_ERROR', `cannot find statistics for device '${name}'`);
  if (disk) {
    const found = stats.get(frontendKey(disk));
    if (!found) throw missing(frontendKey(disk));
    const entry = { ...found };
    // Sizes are known per node only: the format node's are carried over.
    const node = stats.get(`libvirt-${diskNode(disk)}-format`);
    if (node) Object.assign(entry, { capacity: node.capacity, physical: node.physical, wrHighest: node.wrHighest, wrHighestValid: node.wrHighestValid, threshold: node.threshold });
    return { entry, disk };
  }
  const total: BlockEntry = { rdReq: 0n, rdBytes: 0n, rdTimes: 0n, wrReq: 0n, wrBytes: 0n, wrTimes: 0n, flReq: 0n, flTimes: 0n, wrHighest: 0n, wrHighestValid: false, capacity: 0n, physical: 0n, threshold: 0n };
  for (const d of diskDevices(o.def)) {
    const e = stats.get(frontendKey(d));
    if (!e) throw missing(frontendKey(d));
    for (const k of ['rdReq', 'rdBytes', 'rdTimes', 'wrReq', 'wrBytes', 'wrTimes', 'flReq', 'flTimes'] as const) total[k] += e[k];
  }
  return { entry: total };
}

const llong = (field: string, value: bigint): TypedParam => ({ field, type: ParamType.LLONG, value });

export async function blockStats(o: QemuDomainObj, path: string): Promise<BlockStats> {
  const { entry } = await gather(o, path, false);
  // QEMU does not count errors.
  return { rdReq: entry.rdReq, rdBytes: entry.rdBytes, wrReq: entry.wrReq, wrBytes: entry.wrBytes, errs: -1n };
}

export async function blockStatsFlags(o: QemuDomainObj, path: string, flags: number): Promise<TypedParam[]> {
  checkFlags(flags, TYPED_PARAM_STRING_OKAY, 'qemuDomainBlockStatsFlags');
  const { entry: e } = await gather(o, path, false);
  return [
    llong('wr_bytes', e.wrBytes),
    llong('wr_operations', e.wrReq),
    llong('rd_bytes', e.rdBytes),
    llong('rd_operations', e.rdReq),
    llong('flush_operations', e.flReq),
    llong('wr_total_times', e.wrTimes),
    llong('rd_total_times', e.rdTimes),
    llong('flush_total_times', e.flTimes),
  ];
}

/** qemuDomainGetBlockInfo */
export async function blockInfo(o: QemuDomainObj, path: string, flags: number): Promise<BlockInfo> {
  checkFlags(flags, 0, 'qemuDomainGetBlockInfo');
  const disk = diskByName(o.def, path);
  if (!disk) throw virErr('INVALID_ARG', `invalid path ${path} not assigned to domain`);
  const source = diskSourcePath(disk);
  if (!source) throw virErr('INVALID_ARG', `disk '${path}' does not currently have a source assigned`);
  const format = attr(sub(disk.el, 'driver'), 'type');
  if (!isActive(o)) {
    const limits = storageLimits(source, format);
    if (!limits) throw virErr('SYSTEM_ERROR', `cannot stat file '${source}': No such file or directory`);
    return limits;
  }
  const { entry } = await gather(o, path, true);
  let allocation = !entry.wrHighestValid || ((attr(disk.el, 'type') ?? 'file') === 'file' && format === 'qcow2') ? entry.physical : entry.wrHighest;
  let physical = entry.physical;
  // A zero or equal size means a sparse file: the file's own size is the physical one.
  if (entry.physical === 0n || allocation === 0n || allocation === entry.physical) {
    if (allocation === 0n) allocation = entry.physical;
    physical = physicalSize(source) ?? entry.physical;
  }
  return { capacity: entry.capacity, allocation, physical };
}
