import { P } from '../../core/rpc/procedures/index.js';
import { serve } from './serve.js';
import { check, wire } from './tuning.js';

/** REMOTE_NODE_CPU_STATS_MAX, REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX */
const CPU_STATS_MAX = 16;
const CPU_STATS_NCPUS_MAX = 128;

/** Guest-agent calls, block jobs, migration knobs, QEMU passthrough and the remaining setters. */
export const guestBlockServed = [
  serve(P.domainFsfreeze, async (c, a) => ({ filesystems: await c.domainFSFreeze(a.dom, a.mountpoints, a.flags) })),
  serve(P.domainFsthaw, async (c, a) => ({ filesystems: await c.domainFSThaw(a.dom, a.mountpoints, a.flags) })),
  serve(P.domainFstrim, (c, a) => c.domainFSTrim(a.dom, a.mountPoint ?? null, a.minimum, a.flags)),
  serve(P.domainGetFsinfo, async (c, a) => {
    const info = await c.domainGetFSInfo(a.dom, a.flags);
    return { info: info.map((i) => ({ mountpoint: i.mountpoint, name: i.name, fstype: i.fstype, dev_aliases: i.devAlias })), ret: info.length };
  }),
  serve(P.domainGetGuestInfo, async (c, a) => ({ params: wire(await c.domainGetGuestInfo(a.dom, a.types, a.flags), 4) })),
  serve(P.domainGetGuestVcpus, async (c, a) => ({ params: await c.domainGetGuestVcpus(a.dom, a.flags) })),
  serve(P.domainSetGuestVcpus, (c, a) => c.domainSetGuestVcpus(a.dom, a.cpumap, a.state, a.flags)),
  serve(P.domainSetVcpu, (c, a) => c.domainSetVcpu(a.dom, a.cpumap, a.state, a.flags)),
  serve(P.domainSetUserPassword, (c, a) => c.domainSetUserPassword(a.dom, a.user ?? '', a.password ?? '', a.flags)),
  serve(P.domainAuthorizedSshKeysGet, async (c, a) => ({ keys: await c.domainAuthorizedSSHKeysGet(a.dom, a.user, a.flags) })),
  serve(P.domainAuthorizedSshKeysSet, (c, a) => c.domainAuthorizedSSHKeysSet(a.dom, a.user, a.keys, a.flags)),
  serve(P.domainAgentSetResponseTimeout, async (c, a) => {
    await c.domainAgentSetResponseTimeout(a.dom, a.timeout, a.flags);
    return { result: 0 };
  }),
  serve(P.domainSendKey, (c, a) => c.domainSendKey(a.dom, a.codeset, a.holdtime, a.keycodes, a.flags)),
  serve(P.domainSendProcessSignal, (c, a) => c.domainSendProcessSignal(a.dom, a.pid_value, a.signum, a.flags)),
  serve(P.domainSetMemoryStatsPeriod, (c, a) => c.domainSetMemoryStatsPeriod(a.dom, a.period, a.flags)),
  serve(P.domainSetLifecycleAction, (c, a) => c.domainSetLifecycleAction(a.dom, a.type, a.action, a.flags)),
  serve(P.domainDetachDeviceAlias, (c, a) => c.domainDetachDeviceAlias(a.dom, a.alias, a.flags)),
  serve(P.domainStartDirtyRateCalc, (c, a) => c.domainStartDirtyRateCalc(a.dom, a.seconds, a.flags)),
  serve(P.domainGetLaunchSecurityInfo, async (c, a) => ({ params: wire(await c.domainGetLaunchSecurityInfo(a.dom, a.flags), a.flags) })),
  serve(P.domainSetLaunchSecurityState, (c, a) => c.domainSetLaunchSecurityState(a.dom, a.params, a.flags)),
  // nparams=0 answers a count: the host's CPUs (ncpus=0) or the statistics per CPU; else the values, CPU after CPU.
  serve(P.domainGetCpuStats, async (c, a) => {
    check(a.nparams > CPU_STATS_MAX, 'nparams too large');
    check(a.ncpus > CPU_STATS_NCPUS_MAX, 'ncpus too large');
    const rows = await c.domainGetCPUStats(a.dom, a.start_cpu, a.ncpus, a.flags);
    if (a.nparams === 0) return { params: [], nparams: a.ncpus === 0 ? rows.length : Math.max(0, ...rows.map((r) => r.length)) };
    const kept = rows.map((r) => wire(r.slice(0, a.nparams), a.flags));
    return { params: kept.flat(), nparams: Math.max(0, ...kept.map((r) => r.length)) };
  }),

  serve(P.domainBlockPull, (c, a) => c.domainBlockPull(a.dom, a.path, a.bandwidth, a.flags)),
  serve(P.domainBlockRebase, (c, a) => c.domainBlockRebase(a.dom, a.path, a.base ?? null, a.bandwidth, a.flags)),
  serve(P.domainBlockCopy, (c, a) => c.domainBlockCopy(a.dom, a.path, a.destxml, a.params, a.flags)),
  serve(P.domainBlockCommit, (c, a) => c.domainBlockCommit(a.dom, a.disk, a.base ?? null, a.top ?? null, a.bandwidth, a.flags)),
  serve(P.domainBlockJobAbort, (c, a) => c.domainBlockJobAbort(a.dom, a.path, a.flags)),
  serve(P.domainBlockJobSetSpeed, (c, a) => c.domainBlockJobSetSpeed(a.dom, a.path, a.bandwidth, a.flags)),
  serve(P.domainGetBlockJobInfo, async (c, a) => {
    const info = await c.domainGetBlockJobInfo(a.dom, a.path, a.flags);
    return info ? { found: 1, ...info } : { found: 0, type: 0, bandwidth: 0n, cur: 0n, end: 0n };
  }),
  serve(P.domainBlockResize, (c, a) => c.domainBlockResize(a.dom, a.disk, a.size, a.flags)),
  serve(P.domainSetBlockThreshold, (c, a) => c.domainSetBlockThreshold(a.dom, a.dev, a.threshold, a.flags)),

  serve(P.domainMigrateSetMaxDowntime, (c, a) => c.domainMigrateSetMaxDowntime(a.dom, a.downtime, a.flags)),
  serve(P.domainMigrateGetMaxDowntime, async (c, a) => ({ downtime: await c.domainMigrateGetMaxDowntime(a.dom, a.flags) })),
  serve(P.domainMigrateSetCompressionCache, (c, a) => c.domainMigrateSetCompressionCache(a.dom, a.cacheSize, a.flags)),
  serve(P.domainMigrateGetCompressionCache, async (c, a) => ({ cacheSize: await c.domainMigrateGetCompressionCache(a.dom, a.flags) })),
  serve(P.domainMigrateSetMaxSpeed, (c, a) => c.domainMigrateSetMaxSpeed(a.dom, a.bandwidth, a.flags)),
  serve(P.domainMigrateGetMaxSpeed, async (c, a) => ({ bandwidth: await c.domainMigrateGetMaxSpeed(a.dom, a.flags) })),
  serve(P.domainMigrateStartPostCopy, (c, a) => c.domainMigrateStartPostCopy(a.dom, a.flags)),

  serve(P.networkPortLookupByUuid, async (c, a) => ({ port: await c.networkPortLookupByUUID(a.network, a.uuid) })),
  serve(P.networkPortGetXmlDesc, async (c, a) => ({ xml: await c.networkPortGetXMLDesc(a.port, a.flags) })),
  serve(P.networkPortDelete, (c, a) => c.networkPortDelete(a.port, a.flags)),
];
