// What the host kernel says about QEMU and its threads (virProcessGetStatInfo,
// virProcessGetSchedInfo, virProcessGetAffinity, virHostCPUGetMap), read from /proc and /sys.
import { readFileSync } from 'node:fs';
import { parseCpuList } from '../../../cpumap.js';

/** USER_HZ: /proc stat files count CPU time in ticks of 1/100 s. */
const TICK_NS = 10_000_000n;
const PAGE_KIB = 4n;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields after the parenthesised command name: [0] is the state (field 3). */
function statFields(path: string): string[] | undefined {
  const stat = read(path);
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
}

export interface StatInfo {
  cpuTime: bigint;
  userTime: bigint;
  sysTime: bigint;
  /** The host CPU the task last ran on. */
  lastCpu: number;
  /** Resident set size in KiB. */
  rssKiB: bigint;
}

/** virProcessGetStatInfo for a process (tid 0) or one of its threads; pid 0 is this process. */
export function statInfo(pid: number, tid = 0): StatInfo | undefined {
  const proc = pid ? `/proc/${pid}` : '/proc/self';
  const f = statFields(tid ? `${proc}/task/${tid}/stat` : `${proc}/stat`);
  if (!f) return undefined;
  const userTime = BigInt(f[11]) * TICK_NS;
  const sysTime = BigInt(f[12]) * TICK_NS;
  return { cpuTime: userTime + sysTime, userTime, sysTime, lastCpu: Number(f[36]), rssKiB: BigInt(f[21]) * PAGE_KIB };
}

/** virProcessGetSchedInfo: time spent waiting for a CPU (schedstat's run delay), in ns. */
export function schedDelay(pid: number, tid: number): bigint {
  const s = read(`/proc/${pid}/task/${tid}/schedstat`);
  const delay = s?.trim().split(/\s+/)[1];
  return delay ? BigInt(delay) : 0n;
}

/** /proc/PID/task/TID/sched's wait_sum (ms with 6 decimals), in ns; 0 when the kernel has no schedstats. */
export function schedWait(pid: number, tid: number): bigint {
  const m = /wait_sum\s*:\s*(\d+)\.(\d+)/.exec(read(`/proc/${pid}/task/${tid}/sched`) ?? '');
  return m ? BigInt(m[1]) * 1_000_000n + BigInt(m[2].padEnd(6, '0').slice(0, 6)) : 0n;
}

/** virHostCPUGetCount: host CPUs present (the size of every cpumap). */
export function hostCpuCount(): number {
  const present = read('/sys/devices/system/cpu/present')?.trim() ?? '0';
  const last = present.split(',').map((r) => Number(r.split('-').pop())).reduce((a, b) => Math.max(a, b), 0);
  return last + 1;
}

/** virHostCPUGetOnlineBitmap */
export function hostOnlineCpus(count = hostCpuCount()): boolean[] {
  const online = read('/sys/devices/system/cpu/online')?.trim();
  return (online && parseCpuList(online, count)) || new Array<boolean>(count).fill(true);
}

/** virProcessGetAffinity: the CPUs a task may run on, one flag per host CPU. */
export function affinity(pid: number, tid = 0): boolean[] {
  const count = hostCpuCount();
  const status = read(tid ? `/proc/${pid}/task/${tid}/status` : `/proc/${pid}/status`) ?? '';
  const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
  return (list && parseCpuList(list, Math.max(count, ...list.split(/[,-]/).map((n) => Number(n) + 1)))?.slice(0, count)) || new Array<boolean>(count).fill(true);
}
