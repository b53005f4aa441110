// Where QEMU's threads may run (qemuProcessInitCpuAffinity, qemuProcessSetupEmulator,
// qemuProcessSetupVcpus): every thread starts on <emulatorpin>'s CPUs (else all), the main
// thread keeps <emulatorpin> or <vcpu cpuset>, and each vCPU thread gets its <vcpupin> or
// <vcpu cpuset>, else every host CPU (libvirt moves it into a cgroup of its own, which resets
// what it inherited).
import { execFileSync } from 'node:child_process';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, subs } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';
import type { QmpClient } from '../qmp/index.js';
import { hostCpuCount } from '../monitor/proc.js';

/**
 * sched_setaffinity through taskset (`all`: every thread of the process). A mask nobody asked
 * for may fail quietly, as libvirt lets it (a process confined to fewer CPUs); a requested one
 * fails the start.
 */
function setAffinity(pid: number, cpus: string, options: { all?: boolean; requested: boolean }): void {
  try {
    execFileSync('taskset', [...(options.all ? ['-a'] : []), '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
  } catch {
    if (options.requested) throw virErr('SYSTEM_ERROR', `cannot set CPU affinity on process ${pid}: Invalid argument`);
  }
}

export async function setupCpuAffinity(qmp: QmpClient, pid: number, def: DomainDef): Promise<void> {
  const emulatorpin = attr(subs(def.cputune, 'emulatorpin')[0], 'cpuset');
  const cpuset = def.vcpu.cpuset;
  const all = `0-${hostCpuCount() - 1}`;
  setAffinity(pid, emulatorpin ?? all, { all: true, requested: !!emulatorpin });
  const mainThread = emulatorpin ?? cpuset;
  if (mainThread) setAffinity(pid, mainThread, { requested: true });
  const pins = subs(def.cputune, 'vcpupin');
  const cpus = await qmp.execute<Array<{ 'cpu-index': number; 'thread-id': number }>>('query-cpus-fast');
  for (const c of cpus) {
    const mask = attr(pins.find((p) => Number(attr(p, 'vcpu')) === c['cpu-index']), 'cpuset') ?? cpuset;
    setAffinity(c['thread-id'], mask ?? all, { requested: !!mask });
  }
}
