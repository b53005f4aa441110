// Block statistics of a running guest (qemuDomainBlocksStatsGather and friends): QEMU's
// query-blockstats keyed by the frontend device's QOM path and by node name, with the image
// sizes of query-named-block-nodes folded in; shut-off guests' sizes come from the files.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import type { QmpClient } from '../qmp/index.js';

export interface BlockEntry {
  rdReq: bigint;
  rdBytes: bigint;
  rdTimes: bigint;
  wrReq: bigint;
  wrBytes: bigint;
  wrTimes: bigint;
  flReq: bigint;
  flTimes: bigint;
  wrHighest: bigint;
  wrHighestValid: boolean;
  capacity: bigint;
  physical: bigint;
  threshold: bigint;
}

interface QmpBlockStats {
  qdev?: string;
  device?: string;
  'node-name'?: string;
  stats: Record<string, number>;
  parent?: { stats?: Record<string, number> };
  backing?: QmpBlockStats;
}

const empty = (): BlockEntry => ({
  rdReq: 0n, rdBytes: 0n, rdTimes: 0n, wrReq: 0n, wrBytes: 0n, wrTimes: 0n, flReq: 0n, flTimes: 0n,
  wrHighest: 0n, wrHighestValid: false, capacity: 0n, physical: 0n, threshold: 0n,
});

const big = (v: number | undefined) => BigInt(v ?? 0);

function entryOf(dev: QmpBlockStats): BlockEntry {
  const s = dev.stats;
  const parent = dev.parent?.stats;
  return {
    ...empty(),
    rdReq: big(s.rd_operations), rdBytes: big(s.rd_bytes), rdTimes: big(s.rd_total_time_ns),
    wrReq: big(s.wr_operations), wrBytes: big(s.wr_bytes), wrTimes: big(s.wr_total_time_ns),
    flReq: big(s.flush_operations), flTimes: big(s.flush_total_time_ns),
    wrHighest: big(parent?.wr_highest_offset), wrHighestValid: parent?.wr_highest_offset !== undefined,
  };
}

/** qemuMonitorGetAllBlockStatsInfo (+ UpdateCapacityBlockdev when `capacity`). */
export async function fetchBlockStats(qmp: QmpClient, capacity: boolean): Promise<Map<string, BlockEntry>> {
  const out = new Map<string, BlockEntry>();
  const add = (dev: QmpBlockStats) => {
    const name = dev.device || dev.qdev;
    if (name) out.set(name, entryOf(dev));
    if (dev['node-name']) out.set(dev['node-name'], entryOf(dev));
    if (dev.backing) add(dev.backing);
  };
  for (const dev of await qmp.execute<QmpBlockStats[]>('query-blockstats', { 'query-nodes': false })) add(dev);
  if (capacity) {
    const nodes = await qmp.execute<Array<{ 'node-name': string; image: { 'virtual-size'?: number; 'actual-size'?: number }; write_threshold?: number }>>(
      'query-named-block-nodes',
      { flat: true },
    );
    for (const n of nodes) {
      let e = out.get(n['node-name']);
      if (!e) out.set(n['node-name'], (e = empty()));
      e.capacity = big(n.image['virtual-size']);
      e.physical = big(n.image['actual-size']);
      e.threshold = big(n.write_threshold);
    }
  }
  return out;
}

export const diskDevices = (def: DomainDef): DeviceDef[] => def.devices.filter((d) => d.kind === 'disk');
export const diskSourcePath = (d: DeviceDef): string | undefined => attr(sub(d.el, 'source'), 'file') ?? attr(sub(d.el, 'source'), 'dev');
export const diskTarget = (d: DeviceDef): string => attr(sub(d.el, 'target'), 'dev') ?? '';
/** The source's node number (the live definition's <source index>). */
export const diskNode = (d: DeviceDef): number => Number(attr(sub(d.el, 'source'), 'index') ?? 0);

/** virDomainDiskByName: a target name or a source path. */
export function diskByName(def: DomainDef, name: string): DeviceDef | undefined {
  return diskDevices(def).find((d) => diskTarget(d) === name) ?? diskDevices(def).find((d) => diskSourcePath(d) === name);
}

/**
 * The name query-blockstats files a disk's frontend under (libvirt's qomName): QEMU names the
 * device a block backend is attached to by its id, or by QOM path when it has none, as the
 * virtio-blk device inside virtio-blk-pci.
 */
export function frontendKey(d: DeviceDef): string {
  const alias = d.info.alias ?? '';
  return attr(sub(d.el, 'target'), 'bus') === 'virtio' ? `/machine/peripheral/${alias}/virtio-backend` : alias;
}

/** qemuStorageLimitsRefresh for a local file or device: capacity, allocation and physical size. */
export function storageLimits(path: string, format: string | undefined): { capacity: bigint; allocation: bigint; physical: bigint } | undefined {
  let st;
  try {
    st = statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
  let capacity = st.size;
  if (format === 'qcow2') {
    const buf = Buffer.alloc(32);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buf, 0, 32, 0);
    } finally {
      closeSync(fd);
    }
    capacity = buf.readBigUInt64BE(24);
  }
  return { capacity, allocation: st.blocks * 512n, physical: st.size };
}

/** qemuDomainStorageUpdatePhysical for local storage: the file's size. */
export function physicalSize(path: string): bigint | undefined {
  try {
    return statSync(path, { bigint: true }).size;
  } catch {
    return undefined;
  }
}
