import { P, QP } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import { stringsOkay, type Ops } from './util.js';

/**
 * Guest-agent calls, block jobs, migration knobs, the QEMU program's passthrough calls and
 * the remaining per-domain setters over RPC, each one call as libvirt's remote driver makes it.
 */
export function guestBlockOps(s: Session): Ops {
  return {
    domainFSFreeze: async (dom, mountpoints, flags) => (await s.call(P.domainFsfreeze, { dom, mountpoints, flags })).filesystems,
    domainFSThaw: async (dom, mountpoints, flags) => (await s.call(P.domainFsthaw, { dom, mountpoints, flags })).filesystems,
    domainFSTrim: (dom, mountPoint, minimum, flags) => s.call(P.domainFstrim, { dom, mountPoint: mountPoint ?? undefined, minimum, flags }),
    domainGetFSInfo: async (dom, flags) =>
      (await s.call(P.domainGetFsinfo, { dom, flags })).info.map((i) => ({ mountpoint: i.mountpoint, name: i.name, fstype: i.fstype, devAlias: i.dev_aliases })),
    domainGetGuestInfo: async (dom, types, flags) => (await s.call(P.domainGetGuestInfo, { dom, types, flags })).params,
    domainGetGuestVcpus: async (dom, flags) => (await s.call(P.domainGetGuestVcpus, { dom, flags })).params,
    domainSetGuestVcpus: (dom, cpumap, state, flags) => s.call(P.domainSetGuestVcpus, { dom, cpumap, state, flags }),
    domainSetVcpu: (dom, cpumap, state, flags) => s.call(P.domainSetVcpu, { dom, cpumap, state, flags }),
    domainSetUserPassword: (dom, user, password, flags) => s.call(P.domainSetUserPassword, { dom, user, password, flags }),
    domainAuthorizedSSHKeysGet: async (dom, user, flags) => (await s.call(P.domainAuthorizedSshKeysGet, { dom, user, flags })).keys,
    domainAuthorizedSSHKeysSet: (dom, user, keys, flags) => s.call(P.domainAuthorizedSshKeysSet, { dom, user, keys, flags }),
    domainAgentSetResponseTimeout: async (dom, timeout, flags) => {
      await s.call(P.domainAgentSetResponseTimeout, { dom, timeout, flags });
    },
    domainSendKey: (dom, codeset, holdtime, keycodes, flags) => s.call(P.domainSendKey, { dom, codeset, holdtime, keycodes, flags }),
    domainSendProcessSignal: (dom, pid_value, signum, flags) => s.call(P.domainSendProcessSignal, { dom, pid_value, signum, flags }),
    domainSetMemoryStatsPeriod: (dom, period, flags) => s.call(P.domainSetMemoryStatsPeriod, { dom, period, flags }),
    domainSetLifecycleAction: (dom, type, action, flags) => s.call(P.domainSetLifecycleAction, { dom, type, action, flags }),
    domainDetachDeviceAlias: (dom, alias, flags) => s.call(P.domainDetachDeviceAlias, { dom, alias, flags }),
    domainStartDirtyRateCalc: (dom, seconds, flags) => s.call(P.domainStartDirtyRateCalc, { dom, seconds, flags }),
    domainGetLaunchSecurityInfo: async (dom, flags) => (await s.call(P.domainGetLaunchSecurityInfo, { dom, flags })).params,
    domainSetLaunchSecurityState: (dom, params, flags) => s.call(P.domainSetLaunchSecurityState, { dom, params, flags }),

    domainGetCPUStats: async (dom, start_cpu, ncpus, given) => {
      const flags = await stringsOkay(s, given);
      // nparams=0 asks for a count: of the host's CPUs (ncpus=0), else of one CPU's statistics.
      const count = async (cpus: number) => (await s.call(P.domainGetCpuStats, { dom, nparams: 0, start_cpu, ncpus: cpus, flags })).nparams;
      if (ncpus === 0) return Array.from({ length: await count(0) }, () => []);
      const nparams = await count(1);
      if (!nparams) return [];
      const r = await s.call(P.domainGetCpuStats, { dom, nparams, start_cpu, ncpus, flags });
      // The daemon leaves out CPUs past the last with statistics; empty slots have no field name.
      const rows = [];
      for (let i = 0; i * r.nparams < r.params.length; i++) rows.push(r.params.slice(i * r.nparams, (i + 1) * r.nparams).filter((p) => p.field !== ''));
      return rows;
    },

    domainBlockPull: (dom, path, bandwidth, flags) => s.call(P.domainBlockPull, { dom, path, bandwidth, flags }),
    domainBlockRebase: (dom, path, base, bandwidth, flags) => s.call(P.domainBlockRebase, { dom, path, base: base ?? undefined, bandwidth, flags }),
    domainBlockCopy: (dom, path, destxml, params, flags) => s.call(P.domainBlockCopy, { dom, path, destxml, params, flags }),
    domainBlockCommit: (dom, disk, base, top, bandwidth, flags) =>
      s.call(P.domainBlockCommit, { dom, disk, base: base ?? undefined, top: top ?? undefined, bandwidth, flags }),
    domainBlockJobAbort: (dom, path, flags) => s.call(P.domainBlockJobAbort, { dom, path, flags }),
    domainBlockJobSetSpeed: (dom, path, bandwidth, flags) => s.call(P.domainBlockJobSetSpeed, { dom, path, bandwidth, flags }),
    domainGetBlockJobInfo: async (dom, path, flags) => {
      const r = await s.call(P.domainGetBlockJobInfo, { dom, path, flags });
      return r.found ? { type: r.type, bandwidth: r.bandwidth, cur: r.cur, end: r.end } : null;
    },
    domainBlockResize: (dom, disk, size, flags) => s.call(P.domainBlockResize, { dom, disk, size, flags }),
    domainSetBlockThreshold: (dom, dev, threshold, flags) => s.call(P.domainSetBlockThreshold, { dom, dev, threshold, flags }),

    domainMigrateSetMaxDowntime: (dom, downtime, flags) => s.call(P.domainMigrateSetMaxDowntime, { dom, downtime, flags }),
    domainMigrateGetMaxDowntime: async (dom, flags) => (await s.call(P.domainMigrateGetMaxDowntime, { dom, flags })).downtime,
    domainMigrateSetCompressionCache: (dom, cacheSize, flags) => s.call(P.domainMigrateSetCompressionCache, { dom, cacheSize, flags }),
    domainMigrateGetCompressionCache: async (dom, flags) => (await s.call(P.domainMigrateGetCompressionCache, { dom, flags })).cacheSize,
    domainMigrateSetMaxSpeed: (dom, bandwidth, flags) => s.call(P.domainMigrateSetMaxSpeed, { dom, bandwidth, flags }),
    domainMigrateGetMaxSpeed: async (dom, flags) => (await s.call(P.domainMigrateGetMaxSpeed, { dom, flags })).bandwidth,
    domainMigrateStartPostCopy: (dom, flags) => s.call(P.domainMigrateStartPostCopy, { dom, flags }),

    domainQemuMonitorCommand: async (dom, cmd, flags) => (await s.call(QP.qemuDomainMonitorCommand, { dom, cmd, flags })).result,
    domainQemuAgentCommand: async (dom, cmd, timeout, flags) => (await s.call(QP.qemuDomainAgentCommand, { dom, cmd, timeout, flags })).result ?? '',
    domainQemuAttach: async (pid_value, flags) => (await s.call(QP.qemuDomainAttach, { pid_value, flags })).dom,
    connectDomainQemuMonitorEventRegister: async (dom, event, flags) =>
      (await s.call(QP.qemuConnectDomainMonitorEventRegister, { dom: dom ?? undefined, event: event ?? undefined, flags })).callbackID,

    networkPortLookupByUUID: async (network, uuid) => (await s.call(P.networkPortLookupByUuid, { network, uuid })).port,
    networkPortGetXMLDesc: async (port, flags) => (await s.call(P.networkPortGetXmlDesc, { port, flags })).xml,
    networkPortDelete: (port, flags) => s.call(P.networkPortDelete, { port, flags }),
  };
}
