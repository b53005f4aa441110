import { LIFECYCLE_ACTIONS, LIFECYCLE_TYPES, PROCESS_SIGNAL_LAST, type DomainDeviceApi } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { AFFECT_CONFIG, AFFECT_LIVE, defsFor } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';

/** Each lifecycle event's definition field. */
const fields = { poweroff: 'onPoweroff', reboot: 'onReboot', crash: 'onCrash' } as const satisfies Record<
  (typeof LIFECYCLE_TYPES)[number],
  keyof DomainDef
>;

/** virDomainDefLifecycleActionAllowed: only a crash may dump core. */
function checkAllowed(type: string, action: string): void {
  if (type !== 'crash' && action.startsWith('coredump-')) {
    throw virErr('CONFIG_UNSUPPORTED', `Lifecycle event '${type}' doesn't support '${action}' action`);
  }
}

export function lifecycleOps(c: DevCtx): Pick<DomainDeviceApi, 'domainSetLifecycleAction' | 'domainSendProcessSignal'> {
  return {
    async domainSetLifecycleAction(dom, typeNum, actionNum, flags) {
      checkFlags(flags, AFFECT_LIVE | AFFECT_CONFIG, 'testDomainSetLifecycleAction');
      const type = LIFECYCLE_TYPES[typeNum];
      const action = LIFECYCLE_ACTIONS[actionNum];
      checkAllowed(type, action);
      const { live, config } = defsFor(c.obj(dom), flags);
      for (const def of [live, config]) if (def) def[fields[type]] = action;
    },
    // The test driver pretends the guest's init is the only process: nothing is delivered.
    async domainSendProcessSignal(dom, pid, signum, flags) {
      checkFlags(flags, 0, 'testDomainSendProcessSignal');
      if (pid !== 1n) throw virErr('INVALID_ARG', 'only sending a signal to pid 1 is supported');
      if (signum >= PROCESS_SIGNAL_LAST) throw virErr('INVALID_ARG', `signum value ${signum} is out of range`);
      c.obj(dom);
    },
  };
}
