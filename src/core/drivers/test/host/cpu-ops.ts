// The host's calls about CPUs and capabilities: CPU maps, models and the capabilities
// document are much code and data that most commands never touch, so this group is loaded
// on first call (families.ts) instead of with every connection.
import type { HostApi } from '../../../api/host.js';
import { isKnownArch } from '../../../arch.js';
import { cpuDriverFor } from '../../../cpu/models.js';
import { unsupported, virErr } from '../../../errors.js';
import { formatCapabilities } from '../../../xml/capabilities/index.js';
import { checkFlags } from '../../check-flags.js';
import type { TestNode } from '../node.js';
import { testBaselineCPU } from './baseline.js';
import { buildCapabilities } from './caps.js';
import type { HostCpuCalls } from './cpu-calls.js';

export function hostCpuOps(node: TestNode): Pick<HostApi, HostCpuCalls> {
  return {
    getCapabilities: async () => formatCapabilities(buildCapabilities(node.host.cells)),
    getCPUModelNames: async (arch, flags) => {
      checkFlags(flags, 0, 'testConnectGetCPUModelNames');
      if (!isKnownArch(arch)) throw virErr('INVALID_ARG', `cannot find architecture ${arch}`);
      const driver = cpuDriverFor(arch);
      if (!driver) throw virErr('NO_SUPPORT', `'${arch}' architecture is not supported by CPU driver`);
      return [...(driver.models ?? [])];
    },
    compareCPU: async () => {
      throw unsupported('virConnectCompareCPU');
    },
    baselineCPU: async (xmlCPUs, flags) => testBaselineCPU(xmlCPUs, flags),
    compareHypervisorCPU: async () => {
      throw unsupported('virConnectCompareHypervisorCPU');
    },
    baselineHypervisorCPU: async () => {
      throw unsupported('virConnectBaselineHypervisorCPU');
    },
  };
}
