import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import { unsupported } from '../../../errors.js';

/** Calls the test driver does not implement, with the libvirt API name each one reports. */
const missing = {
  domainAttachDevice: 'virDomainAttachDevice',
  domainAttachDeviceFlags: 'virDomainAttachDeviceFlags',
  domainDetachDevice: 'virDomainDetachDevice',
  domainDetachDeviceFlags: 'virDomainDetachDeviceFlags',
  domainDetachDeviceAlias: 'virDomainDetachDeviceAlias',
  domainUpdateDeviceFlags: 'virDomainUpdateDeviceFlags',
  domainBlockStatsFlags: 'virDomainBlockStatsFlags',
  domainSetVcpu: 'virDomainSetVcpu',
  domainSetLaunchSecurityState: 'virDomainSetLaunchSecurityState',
  domainGetGuestVcpus: 'virDomainGetGuestVcpus',
  domainSetGuestVcpus: 'virDomainSetGuestVcpus',
  domainGetGuestInfo: 'virDomainGetGuestInfo',
  domainAuthorizedSSHKeysGet: 'virDomainAuthorizedSSHKeysGet',
  domainAuthorizedSSHKeysSet: 'virDomainAuthorizedSSHKeysSet',
  domainAgentSetResponseTimeout: 'virDomainAgentSetResponseTimeout',
  domainBlockCommit: 'virDomainBlockCommit',
  domainBlockCopy: 'virDomainBlockCopy',
  domainBlockRebase: 'virDomainBlockRebase',
  domainBlockPull: 'virDomainBlockPull',
  domainGetBlockJobInfo: 'virDomainGetBlockJobInfo',
  domainBlockJobAbort: 'virDomainBlockJobAbort',
  domainBlockJobSetSpeed: 'virDomainBlockJobSetSpeed',
  domainBlockResize: 'virDomainBlockResize',
  domainSetBlockThreshold: 'virDomainSetBlockThreshold',
  domainStartDirtyRateCalc: 'virDomainStartDirtyRateCalc',
  domainOpenConsole: 'virDomainOpenConsole',
  domainQemuMonitorCommand: 'virDomainQemuMonitorCommand',
  domainQemuMonitorCommandWithFiles: 'virDomainQemuMonitorCommandWithFiles',
  domainQemuAgentCommand: 'virDomainQemuAgentCommand',
  domainQemuAttach: 'virDomainQemuAttach',
  domainLxcOpenNamespace: 'virDomainLxcOpenNamespace',
  connectDomainQemuMonitorEventRegister: 'virConnectDomainQemuMonitorEventRegister',
  connectDomainQemuMonitorEventDeregister: 'virConnectDomainQemuMonitorEventDeregister',
  domainFDAssociate: 'virDomainFDAssociate',
  domainMigrateSetMaxDowntime: 'virDomainMigrateSetMaxDowntime',
  domainMigrateGetMaxDowntime: 'virDomainMigrateGetMaxDowntime',
  domainMigrateSetCompressionCache: 'virDomainMigrateSetCompressionCache',
  domainMigrateGetCompressionCache: 'virDomainMigrateGetCompressionCache',
  domainMigrateSetMaxSpeed: 'virDomainMigrateSetMaxSpeed',
  domainMigrateGetMaxSpeed: 'virDomainMigrateGetMaxSpeed',
  domainMigrateStartPostCopy: 'virDomainMigrateStartPostCopy',
} as const satisfies Partial<Record<keyof DomainDeviceApi, string>>;

export type UnsupportedCalls = keyof typeof missing;

export function unsupportedOps(): Pick<DomainDeviceApi, UnsupportedCalls> {
  const ops: Record<string, () => Promise<never>> = {};
  for (const [method, api] of Object.entries(missing)) {
    ops[method] = async () => {
      throw unsupported(api);
    };
  }
  return ops as unknown as Pick<DomainDeviceApi, UnsupportedCalls>;
}
