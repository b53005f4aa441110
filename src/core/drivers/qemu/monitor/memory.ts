// virDomainMemoryStats and virDomainSetMemoryStatsPeriod (qemuDomainMemoryStatsInternal,
// qemuMonitorJSONGetMemoryStats): the balloon's size and the guest's own statistics through
// the virtio balloon, and QEMU's resident size from /proc.
import type { MemoryStat } from '../../../api/domain-devices.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, sub } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { modificationImpact } from '../devices/impact.js';
import { saveStatus } from '../lifecycle/status.js';
import type { QmpClient } from '../qmp/index.js';
import { QmpCommandError } from '../qmp/errors.js';
import { runningProc } from './active.js';
import { statInfo } from './proc.js';

/** virDomainMemoryStatTags */
export const MemTag = {
  SWAP_IN: 0, SWAP_OUT: 1, MAJOR_FAULT: 2, MINOR_FAULT: 3, UNUSED: 4, AVAILABLE: 5, ACTUAL_BALLOON: 6,
  RSS: 7, USABLE: 8, LAST_UPDATE: 9, DISK_CACHES: 10, HUGETLB_PGALLOC: 11, HUGETLB_PGFAIL: 12, NR: 13,
} as const;

/** The balloon's guest-stats in libvirt's order: [QEMU name, tag, divisor]; last-update sits beside `stats`. */
const GUEST_STATS: Array<[string, number, bigint]> = [
  ['stat-swap-in', MemTag.SWAP_IN, 1024n],
  ['stat-swap-out', MemTag.SWAP_OUT, 1024n],
  ['stat-major-faults', MemTag.MAJOR_FAULT, 1n],
  ['stat-minor-faults', MemTag.MINOR_FAULT, 1n],
  ['stat-free-memory', MemTag.UNUSED, 1024n],
  ['stat-total-memory', MemTag.AVAILABLE, 1024n],
  ['stat-available-memory', MemTag.USABLE, 1024n],
  ['last-update', MemTag.LAST_UPDATE, 1n],
  ['stat-disk-caches', MemTag.DISK_CACHES, 1024n],
  ['stat-htlb-pgalloc', MemTag.HUGETLB_PGALLOC, 1n],
  ['stat-htlb-pgfail', MemTag.HUGETLB_PGFAIL, 1n],
];

/** virDomainDefHasMemballoon */
export function balloonOf(def: DomainDef): DeviceDef | undefined {
  const b = def.devices.find((d) => d.kind === 'memballoon');
  return b && attr(b.el, 'model') !== 'none' ? b : undefined;
}

const balloonPath = (b: DeviceDef) => `/machine/peripheral/${b.info.alias}`;

async function guestStats(qmp: QmpClient, balloon: DeviceDef | undefined, nrStats: number): Promise<MemoryStat[]> {
  const out: MemoryStat[] = [];
  // query-balloon answers only while a balloon device exists.
  const info = await qmp.execute<{ actual: number }>('query-balloon').catch(() => undefined);
  if (info && out.length < nrStats) out.push({ tag: MemTag.ACTUAL_BALLOON, value: BigInt(info.actual) / 1024n });
  if (!balloon) return out;
  let data: { stats?: Record<string, number>; 'last-update'?: number };
  try {
    data = await qmp.execute('qom-get', { path: balloonPath(balloon), property: 'guest-stats' });
  } catch (e) {
    if (e instanceof QmpCommandError) return out;
    throw e;
  }
  if (!data.stats) return out;
  for (const [name, tag, divisor] of GUEST_STATS) {
    const v = name === 'last-update' ? data['last-update'] : data.stats[name];
    // -1 (QEMU prints it as 2^64-1): a statistic the guest never reported.
    if (v === undefined || v === -1 || v >= 2 ** 64 - 1 || out.length >= nrStats) continue;
    out.push({ tag, value: BigInt(v) / divisor });
  }
  return out;
}

/** qemuDomainMemoryStatsInternal: balloon statistics, then QEMU's RSS. */
export async function memoryStats(o: QemuDomainObj, nrStats: number): Promise<MemoryStat[]> {
  const proc = runningProc(o);
  const out = await guestStats(proc.qmp, balloonOf(o.def), nrStats);
  if (out.length >= nrStats) return out;
  const info = statInfo(proc.pid);
  if (!info) throw virErr('OPERATION_FAILED', 'cannot get RSS for domain');
  out.push({ tag: MemTag.RSS, value: info.rssKiB });
  return out;
}

/** The balloon's <stats period='N'/>, first among its children; 0 drops it. */
function setPeriod(balloon: DeviceDef, period: number): void {
  balloon.el.children = balloon.el.children.filter((c) => c.name !== 'stats');
  if (period) balloon.el.children.unshift(elem('stats', [['period', period]]));
}

export const statsPeriod = (def: DomainDef): number => Number(attr(sub(balloonOf(def)?.el, 'stats'), 'period') ?? 0);

/** qemuDomainSetMemoryStatsPeriod */
export async function setMemoryStatsPeriod(drv: QemuDriver, o: QemuDomainObj, period: number, flags: number): Promise<void> {
  checkFlags(flags, 1 | 2, 'qemuDomainSetMemoryStatsPeriod');
  const { live, config } = modificationImpact(o, flags);
  const noBalloon = () => virErr('INTERNAL_ERROR', 'No memory balloon device configured, can not set the collection period');
  if (live) {
    const balloon = balloonOf(o.def);
    if (!balloon) throw noBalloon();
    try {
      await runningProc(o).qmp.execute('qom-set', { path: balloonPath(balloon), property: 'guest-stats-polling-interval', value: period });
    } catch (e) {
      if (e instanceof QmpCommandError) throw virErr('OPERATION_INVALID', 'unable to set balloon driver collection period');
      throw e;
    }
    setPeriod(balloon, period);
    saveStatus(drv.paths, o);
  }
  if (config) {
    const def = structuredClone(o.newDef ?? o.def);
    const balloon = balloonOf(def);
    if (!balloon) throw noBalloon();
    setPeriod(balloon, period);
    drv.saveDef(o, def);
  }
}
