// vCPU queries (qemuDomainGetVcpus, qemuDomainGetVcpusFlags, qemuDomainGetVcpuPinInfo,
// qemuDomainGetEmulatorPinInfo): counts from the definition, per-vCPU thread facts from
// QEMU's thread ids and the kernel, pinning from <cputune> or the host's online CPUs.
import { VcpuFlags, type VcpuInfo, type VcpusResult } from '../../../api/domain-devices.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, subs } from '../../../xml/domain/elem.js';
import { parseCpuList } from '../../../cpumap.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import { modificationImpact } from '../devices/impact.js';
import type { QmpClient } from '../qmp/index.js';
import { runningProc } from './active.js';
import { affinity, hostCpuCount, hostOnlineCpus, schedDelay, schedWait, statInfo } from './proc.js';

/** virVcpuState */
const VCPU_RUNNING = 1;

/** The definition a read-only call with LIVE/CONFIG looks at (virDomainObjGetOneDef). */
export function oneDef(o: QemuDomainObj, flags: number): DomainDef {
  const { live } = modificationImpact(o, flags & (VcpuFlags.LIVE | VcpuFlags.CONFIG));
  return live ? o.def : (o.newDef ?? o.def);
}

/** QEMU's thread id of each vCPU, by index (qemuDomainRefreshVcpuInfo). */
export async function vcpuThreads(qmp: QmpClient): Promise<Map<number, number>> {
  const cpus = await qmp.execute<Array<{ 'cpu-index': number; 'thread-id': number }>>('query-cpus-fast');
  return new Map(cpus.map((c) => [c['cpu-index'], c['thread-id']]));
}

export interface VcpuRuntime extends VcpuInfo {
  wait: bigint;
  delay: bigint;
  affinity: boolean[];
}

/** qemuDomainHelperGetVcpus over the online vCPUs, up to `max`. */
export async function vcpuRuntime(o: QemuDomainObj, max: number): Promise<VcpuRuntime[]> {
  const proc = runningProc(o);
  const threads = await vcpuThreads(proc.qmp);
  const out: VcpuRuntime[] = [];
  for (let i = 0; i < o.def.vcpus && out.length < max; i++) {
    const tid = threads.get(i) ?? 0;
    const st = tid ? statInfo(proc.pid, tid) : undefined;
    out.push({
      number: i,
      state: VCPU_RUNNING,
      cpuTime: st?.cpuTime ?? 0n,
      cpu: st?.lastCpu ?? 0,
      wait: tid ? schedWait(proc.pid, tid) : 0n,
      delay: tid ? schedDelay(proc.pid, tid) : 0n,
      affinity: tid ? affinity(proc.pid, tid) : hostOnlineCpus(),
    });
  }
  return out;
}

export async function getVcpus(o: QemuDomainObj, maxinfo: number): Promise<VcpusResult> {
  if (!isActive(o)) throw virErr('OPERATION_INVALID', 'cannot retrieve vcpu information for inactive domain');
  const rt = await vcpuRuntime(o, maxinfo);
  return { info: rt.map(({ number, state, cpuTime, cpu }) => ({ number, state, cpuTime, cpu })), cpumaps: rt.map((r) => r.affinity) };
}

/** qemuDomainGetVcpusFlags without a guest agent. */
export function getVcpusFlags(o: QemuDomainObj, flags: number): number {
  checkFlags(flags, VcpuFlags.LIVE | VcpuFlags.CONFIG | VcpuFlags.MAXIMUM | VcpuFlags.GUEST, 'qemuDomainGetVcpusFlags');
  const def = oneDef(o, flags);
  if (flags & VcpuFlags.GUEST) {
    if (flags & VcpuFlags.CONFIG) throw virErr('INVALID_ARG', 'invalid flag combination');
    runningProc(o);
    throw virErr('ARGUMENT_UNSUPPORTED', 'QEMU guest agent is not configured');
  }
  return flags & VcpuFlags.MAXIMUM ? def.maxVcpus : def.vcpus;
}

/** The cpuset of a <cputune> pin element, as a host-sized map. */
function pinMap(cpuset: string | undefined, size: number): boolean[] | undefined {
  return cpuset === undefined ? undefined : parseCpuList(cpuset, Math.max(size, ...cpuset.split(/[,^-]/).filter(Boolean).map((n) => Number(n) + 1)))?.slice(0, size);
}

/** virDomainDefGetVcpuPinInfoHelper: per vCPU its <vcpupin>, else <vcpu cpuset>, else every online CPU. */
export function vcpuPinInfo(o: QemuDomainObj, ncpumaps: number, flags: number): boolean[][] {
  checkFlags(flags, VcpuFlags.LIVE | VcpuFlags.CONFIG, 'qemuDomainGetVcpuPinInfo');
  const def = oneDef(o, flags);
  const size = hostCpuCount();
  const pins = subs(def.cputune, 'vcpupin');
  const out: boolean[][] = [];
  for (let i = 0; i < def.maxVcpus && i < ncpumaps; i++) {
    const pin = pins.find((p) => Number(attr(p, 'vcpu')) === i);
    out.push(pinMap(attr(pin, 'cpuset'), size) ?? pinMap(def.vcpu.cpuset, size) ?? hostOnlineCpus(size));
  }
  return out;
}

/** qemuDomainGetEmulatorPinInfo */
export function emulatorPinInfo(o: QemuDomainObj, flags: number): boolean[] {
  checkFlags(flags, VcpuFlags.LIVE | VcpuFlags.CONFIG, 'qemuDomainGetEmulatorPinInfo');
  const def = oneDef(o, flags);
  const size = hostCpuCount();
  return pinMap(attr(subs(def.cputune, 'emulatorpin')[0], 'cpuset'), size) ?? pinMap(def.vcpu.cpuset, size) ?? hostOnlineCpus(size);
}
