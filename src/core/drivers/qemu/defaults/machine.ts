import type { DomainDef } from '../../../xml/domain/index.js';
import type { QemuProbe } from '../caps/probe.js';

export const isQ35 = (def: DomainDef): boolean => /^(pc-q35|q35$)/.test(def.os.machine ?? '');
export const isI440fx = (def: DomainDef): boolean => /^(pc-i440fx|pc$|pc-\d)/.test(def.os.machine ?? '');

/** virQEMUCapsGetPreferredMachine: the binary's default machine. */
export function preferredMachine(probe: QemuProbe): string | undefined {
  return (probe.machines.find((m) => m.isDefault) ?? probe.machines[0])?.name;
}

/** qemuCanonicalizeMachine: an alias (pc, q35) becomes the machine it stands for. */
export function canonicalMachine(probe: QemuProbe, machine: string): string {
  return probe.machines.find((m) => m.alias === machine)?.name ?? machine;
}

/** virQEMUCapsGetMachineDefaultCPU: the CPU model QEMU's machine boots by default, less its QOM suffix. */
export function machineDefaultCpu(probe: QemuProbe, machine: string): string | undefined {
  const type = probe.machines.find((m) => m.name === machine || m.alias === machine)?.defaultCpuType;
  if (!type) return undefined;
  const model = probe.cpuModels.find((c) => c.typename === type);
  return model?.name ?? type.replace(/-x86_64-cpu$|-i386-cpu$/, '');
}
