import { cpuBaseline, cpuExpandFeatures } from '../../../cpu/baseline.js';
import { formatCpuDef } from '../../../cpu/cpu-format.js';
import { parseHostCpuList } from '../../../cpu/cpu-parse.js';
import { checkFlags } from '../../check-flags.js';

/** VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES; the test driver refuses MIGRATABLE. */
const EXPAND_FEATURES = 1 << 0;

/**
 * testConnectBaselineCPU: the host CPUs' baseline as a guest CPU definition, computed for
 * the first CPU's architecture, with the model's features spelled out on request.
 */
export function testBaselineCPU(xmlCPUs: readonly string[], flags: number): string {
  checkFlags(flags, EXPAND_FEATURES, 'testConnectBaselineCPU');
  const cpus = parseHostCpuList(xmlCPUs);
  const cpu = cpuBaseline(cpus);
  if (flags & EXPAND_FEATURES) cpuExpandFeatures(cpus[0].arch, cpu);
  return formatCpuDef(cpu);
}
