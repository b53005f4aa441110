// virConnectGetAllDomainStats / virDomainListGetStats (qemuConnectGetAllDomainStats): one
// record per domain, its groups in libvirt's worker order; a group lists only what it can
// read (shut-off domains get the state, the sizes from the definition and the disk files).
import { GetAllStats, ParamType, StatsTypes, type DomainStatsRecord, type TypedParam } from '../../../api/domain-devices.js';
import type { DomainHandle } from '../../../api/handles.js';
import { DomainState } from '../../../api/domain.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import { handleOf, isActive, type QemuDomainObj } from '../domain/obj.js';
import { diskDevices, diskNode, diskSourcePath, diskTarget, fetchBlockStats, frontendKey, physicalSize, storageLimits, type BlockEntry } from './block.js';
import { balloonOf, memoryStats, MemTag } from './memory.js';
import { netDevices, netIfname, sharesHostView, tapStats } from './net.js';
import { statInfo } from './proc.js';
import { vcpuRuntime } from './vcpus.js';

type Params = TypedParam[];
const p = (type: number) => (params: Params, field: string, value: TypedParam['value']) => params.push({ field, type, value });
const int = p(ParamType.INT);
const uint = p(ParamType.UINT);
const llong = p(ParamType.LLONG);
const ullong = p(ParamType.ULLONG);
const str = p(ParamType.STRING);

/** The balloon statistics domstats lists, by memory stat tag (the actual balloon size is not one of them). */
const BALLOON_NAMES: Record<number, string> = {
  [MemTag.SWAP_IN]: 'swap_in',
  [MemTag.SWAP_OUT]: 'swap_out',
  [MemTag.MAJOR_FAULT]: 'major_fault',
  [MemTag.MINOR_FAULT]: 'minor_fault',
  [MemTag.UNUSED]: 'unused',
  [MemTag.AVAILABLE]: 'available',
  [MemTag.RSS]: 'rss',
  [MemTag.LAST_UPDATE]: 'last-update',
  [MemTag.USABLE]: 'usable',
  [MemTag.DISK_CACHES]: 'disk_caches',
  [MemTag.HUGETLB_PGALLOC]: 'hugetlb_pgalloc',
  [MemTag.HUGETLB_PGFAIL]: 'hugetlb_pgfail',
};

async function stateStats(o: QemuDomainObj, params: Params) {
  int(params, 'state.state', o.state);
  int(params, 'state.reason', o.reason);
}

/** Halt-polling time, summed over the vCPUs from QEMU's KVM statistics (none under TCG: zero). */
async function haltPoll(o: QemuDomainObj): Promise<[bigint, bigint] | undefined> {
  const names = ['halt_poll_success_ns', 'halt_poll_fail_ns'];
  try {
    const res = await o.proc!.qmp.execute<Array<{ stats: Array<{ name: string; value: number }> }>>('query-stats', {
      target: 'vcpu',
      providers: [{ provider: 'kvm', names }],
    });
    let success = 0n;
    let fail = 0n;
    for (const vcpu of res) {
      const s = vcpu.stats.find((x) => x.name === names[0]);
      const f = vcpu.stats.find((x) => x.name === names[1]);
      if (!s || !f) return undefined;
      success += BigInt(s.value);
      fail += BigInt(f.value);
    }
    return [success, fail];
  } catch {
    return undefined;
  }
}

async function cpuStats(o: QemuDomainObj, params: Params) {
  // libvirt reads the stats of pid 0 for a shut-off domain, which is its own process.
  const st = statInfo(o.proc && isActive(o) ? o.proc.pid : 0);
  if (st) {
    ullong(params, 'cpu.time', st.cpuTime);
    ullong(params, 'cpu.user', st.userTime);
    ullong(params, 'cpu.system', st.sysTime);
  }
  if (!isActive(o) || !o.proc) return;
  // No resctrl cache monitors are set up for guests here.
  uint(params, 'cpu.cache.monitor.count', 0);
  const hp = await haltPoll(o);
  if (hp) {
    ullong(params, 'cpu.haltpoll.success.time', hp[0]);
    ullong(params, 'cpu.haltpoll.fail.time', hp[1]);
  }
}

async function balloonStats(o: QemuDomainObj, params: Params) {
  ullong(params, 'balloon.current', BigInt(balloonOf(o.def) ? o.def.currentMemory : o.def.memory));
  ullong(params, 'balloon.maximum', BigInt(o.def.memory));
  if (!isActive(o)) return;
  let stats;
  try {
    stats = await memoryStats(o, MemTag.NR);
  } catch {
    return;
  }
  for (const s of stats) if (BALLOON_NAMES[s.tag]) ullong(params, `balloon.${BALLOON_NAMES[s.tag]}`, s.value);
}

async function vcpuStats(o: QemuDomainObj, params: Params) {
  uint(params, 'vcpu.current', o.def.vcpus);
  uint(params, 'vcpu.maximum', o.def.maxVcpus);
  if (!isActive(o)) return;
  for (const v of await vcpuRuntime(o, o.def.vcpus)) {
    int(params, `vcpu.${v.number}.state`, v.state);
    ullong(params, `vcpu.${v.number}.time`, v.cpuTime);
    ullong(params, `vcpu.${v.number}.wait`, v.wait);
    ullong(params, `vcpu.${v.number}.delay`, v.delay);
  }
}

async function interfaceStats(o: QemuDomainObj, params: Params) {
  if (!isActive(o)) return;
  const nets = netDevices(o.def);
  uint(params, 'net.count', nets.length);
  nets.forEach((net, i) => {
    const ifname = netIfname(net);
    if (!ifname) return;
    str(params, `net.${i}.name`, ifname);
    let s;
    try {
      s = tapStats(ifname, !sharesHostView(net));
    } catch {
      return;
    }
    const fields: Array<[string, bigint]> = [
      ['rx.bytes', s.rxBytes], ['rx.pkts', s.rxPackets], ['rx.errs', s.rxErrs], ['rx.drop', s.rxDrop],
      ['tx.bytes', s.txBytes], ['tx.pkts', s.txPackets], ['tx.errs', s.txErrs], ['tx.drop', s.txDrop],
    ];
    for (const [name, v] of fields) if (v >= 0n) ullong(params, `net.${i}.${name}`, v);
  });
}

async function blockStats(o: QemuDomainObj, params: Params) {
  let stats: Map<string, BlockEntry> | undefined;
  if (isActive(o) && o.proc) stats = await fetchBlockStats(o.proc.qmp, true).catch(() => undefined);
  const disks = diskDevices(o.def);
  uint(params, 'block.count', disks.length);
  disks.forEach((d, i) => {
    const path = diskSourcePath(d);
    str(params, `block.${i}.name`, diskTarget(d));
    if (path) str(params, `block.${i}.path`, path);
    const node = diskNode(d);
    if (node) uint(params, `block.${i}.backingIndex`, node);
    if (!isActive(o)) {
      // Shut off: the sizes come from the image itself.
      const limits = path ? storageLimits(path, attr(sub(d.el, 'driver'), 'type')) : undefined;
      if (limits?.allocation) ullong(params, `block.${i}.allocation`, limits.allocation);
      if (limits?.capacity) ullong(params, `block.${i}.capacity`, limits.capacity);
      if (limits?.physical) ullong(params, `block.${i}.physical`, limits.physical);
      return;
    }
    const fe = stats?.get(frontendKey(d));
    if (fe) {
      const fields: Array<[string, bigint]> = [
        ['rd.reqs', fe.rdReq], ['rd.bytes', fe.rdBytes], ['rd.times', fe.rdTimes],
        ['wr.reqs', fe.wrReq], ['wr.bytes', fe.wrBytes], ['wr.times', fe.wrTimes],
        ['fl.reqs', fe.flReq], ['fl.times', fe.flTimes],
      ];
      for (const [name, v] of fields) ullong(params, `block.${i}.${name}`, v);
    }
    const be = node ? stats?.get(`libvirt-${node}-format`) : undefined;
    if (!be) return;
    ullong(params, `block.${i}.allocation`, be.wrHighest);
    if (be.capacity) ullong(params, `block.${i}.capacity`, be.capacity);
    const physical = be.physical || (path ? physicalSize(path) : undefined);
    if (physical !== undefined) ullong(params, `block.${i}.physical`, physical);
    const storage = stats?.get(`libvirt-${node}-storage`);
    if (storage?.threshold) ullong(params, `block.${i}.threshold`, storage.threshold);
  });
}

async function iothreadStats(o: QemuDomainObj, params: Params) {
  if (!isActive(o) || !o.proc) return;
  const threads = await o.proc.qmp.execute<Array<{ id: string; 'poll-max-ns'?: number; 'poll-grow'?: number; 'poll-shrink'?: number }>>('query-iothreads');
  if (!threads.length) return;
  uint(params, 'iothread.count', threads.length);
  for (const t of threads) {
    if (t['poll-max-ns'] === undefined) continue;
    const id = Number(t.id.replace(/^iothread/, ''));
    ullong(params, `iothread.${id}.poll-max-ns`, BigInt(t['poll-max-ns']));
    uint(params, `iothread.${id}.poll-grow`, t['poll-grow'] ?? 0);
    uint(params, `iothread.${id}.poll-shrink`, t['poll-shrink'] ?? 0);
  }
}

/** qemuMonitorDirtyRateStatus */
const DIRTYRATE_STATUS = ['unstarted', 'measuring', 'measured'];

async function dirtyRateStats(o: QemuDomainObj, params: Params) {
  if (!isActive(o) || !o.proc) return;
  const r = await o.proc.qmp.execute<{ status: string; 'start-time': number; 'calc-time': number; mode?: string; 'dirty-rate'?: number; 'vcpu-dirty-rate'?: Array<{ id: number; 'dirty-rate': number }> }>('query-dirty-rate');
  const status = DIRTYRATE_STATUS.indexOf(r.status);
  const mode = r.mode ?? 'page-sampling';
  int(params, 'dirtyrate.calc_status', status);
  llong(params, 'dirtyrate.calc_start_time', BigInt(r['start-time']));
  int(params, 'dirtyrate.calc_period', r['calc-time']);
  str(params, 'dirtyrate.calc_mode', mode);
  if (status !== 2) return;
  llong(params, 'dirtyrate.megabytes_per_second', BigInt(r['dirty-rate'] ?? 0));
  if (mode === 'dirty-ring') for (const v of r['vcpu-dirty-rate'] ?? []) ullong(params, `dirtyrate.vcpu.${v.id}.megabytes_per_second`, BigInt(v['dirty-rate']));
}

/** Groups in qemuDomainGetStatsWorkers' order; perf (no perf events), memory bandwidth (no resctrl monitors) and vm (QEMU's own VM statistics, which TCG does not keep) add nothing here. */
const WORKERS: Array<[number, (o: QemuDomainObj, params: Params) => Promise<void>]> = [
  [StatsTypes.STATE, stateStats],
  [StatsTypes.CPU_TOTAL, cpuStats],
  [StatsTypes.BALLOON, balloonStats],
  [StatsTypes.VCPU, vcpuStats],
  [StatsTypes.INTERFACE, interfaceStats],
  [StatsTypes.BLOCK, blockStats],
  [StatsTypes.PERF, async () => {}],
  [StatsTypes.IOTHREAD, iothreadStats],
  [StatsTypes.MEMORY, async () => {}],
  [StatsTypes.DIRTYRATE, dirtyRateStats],
  [StatsTypes.VM, async () => {}],
];

const SUPPORTED = WORKERS.reduce((a, [bit]) => a | bit, 0);

const ALLOWED =
  GetAllStats.ACTIVE | GetAllStats.INACTIVE | GetAllStats.PERSISTENT | GetAllStats.TRANSIENT | GetAllStats.RUNNING | GetAllStats.PAUSED |
  GetAllStats.SHUTOFF | GetAllStats.OTHER | GetAllStats.NOWAIT | GetAllStats.BACKING | GetAllStats.ENFORCE_STATS;

function group(flags: number, pairs: Array<[number, boolean]>): boolean {
  return !pairs.some(([bit]) => flags & bit) || pairs.some(([bit, ok]) => !!(flags & bit) && ok);
}

/** virDomainObjListFilter with the list flags the stats calls accept. */
function matches(o: QemuDomainObj, flags: number): boolean {
  const st = o.state;
  return (
    group(flags, [[GetAllStats.ACTIVE, isActive(o)], [GetAllStats.INACTIVE, !isActive(o)]]) &&
    group(flags, [[GetAllStats.PERSISTENT, o.persistent], [GetAllStats.TRANSIENT, !o.persistent]]) &&
    group(flags, [
      [GetAllStats.RUNNING, st === DomainState.RUNNING],
      [GetAllStats.PAUSED, st === DomainState.PAUSED],
      [GetAllStats.SHUTOFF, st === DomainState.SHUTOFF],
      [GetAllStats.OTHER, !([DomainState.RUNNING, DomainState.PAUSED, DomainState.SHUTOFF] as number[]).includes(st)],
    ])
  );
}

export async function getAllDomainStats(drv: QemuDriver, doms: DomainHandle[] | undefined, stats: number, flags: number): Promise<DomainStatsRecord[]> {
  // The public API carries ENFORCE as bit 31: keep flags unsigned.
  flags >>>= 0;
  checkFlags(flags, ALLOWED, 'qemuConnectGetAllDomainStats');
  const objs = doms
    ? doms.map((d) => drv.domains.byUUID(d.uuid)).filter((o): o is QemuDomainObj => !!o && matches(o, flags))
    : drv.domains.objs.filter((o) => matches(o, flags));
  let requested = stats;
  if (requested === 0) requested = SUPPORTED;
  else if (flags & GetAllStats.ENFORCE_STATS && requested & ~SUPPORTED)
    throw virErr('ARGUMENT_UNSUPPORTED', `Stats types bits 0x${(requested & ~SUPPORTED).toString(16)} are not supported by this daemon or QEMU`);
  requested &= SUPPORTED;
  const out: DomainStatsRecord[] = [];
  for (const o of objs) {
    const params: Params = [];
    for (const [bit, worker] of WORKERS) if (requested & bit) await worker(o, params);
    out.push({ dom: handleOf(o), params });
  }
  return out;
}
