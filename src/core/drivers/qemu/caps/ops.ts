import type { Connection } from '../../../api/connection.js';
import { isKnownArch } from '../../../arch.js';
import { cpuDriverFor } from '../../../cpu/models.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import { formatDomainCaps } from './domcaps.js';
import { lookupDomCaps } from './domcaps-lookup.js';
import { kvmMaxVcpus } from './kvm.js';

/** The host calls the QEMU driver answers from its capabilities: domcapabilities, maxvcpus, cpu-models. */
export function capsOps(drv: QemuDriver): Pick<Connection, 'getDomainCapabilities' | 'getMaxVcpus' | 'getCPUModelNames'> {
  return {
    async getDomainCapabilities(emulatorbin, arch, machine, virttype, flags) {
      checkFlags(flags, 0, 'qemuConnectGetDomainCapabilities');
      const target = await lookupDomCaps(drv.caps, emulatorbin, arch, machine, virttype);
      return formatDomainCaps({
        ...target,
        privileged: process.geteuid?.() === 0,
        kvmMaxVcpus: target.virttype === 'kvm' ? kvmMaxVcpus() : undefined,
      });
    },
    // qemuConnectGetMaxVcpus: a fixed 16 for TCG, KVM's own limit for kvm.
    async getMaxVcpus(type) {
      if (type === undefined || type.toLowerCase() === 'qemu') return 16;
      if (type.toLowerCase() === 'kvm') return kvmMaxVcpus();
      throw virErr('INVALID_ARG', `unknown type '${type}'`);
    },
    // qemuConnectGetCPUModelNames: the CPU map's models for the arch (none: all accepted).
    async getCPUModelNames(arch, flags) {
      checkFlags(flags, 0, 'qemuConnectGetCPUModelNames');
      if (!isKnownArch(arch)) throw virErr('INVALID_ARG', `cannot find architecture ${arch}`);
      const driver = cpuDriverFor(arch);
      if (!driver) throw virErr('NO_SUPPORT', `'${arch}' architecture is not supported by CPU driver`);
      return [...(driver.models ?? [])];
    },
  };
}
