import {
  DomainDestroy,
  DomainShutdown,
  DomainState,
  PausedReason,
  RunningReason,
  ShutoffReason,
  type DomainApi,
} from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { domainLifecycle } from '../events/index.js';
import { DomainLifecycle as Ev, LifecycleDetail as D } from '../../../api/events.js';
import { copyDef } from './defs.js';
import { checkFlags } from '../../check-flags.js';
import { checkActive, handleOf, objFromHandle, removeObj, shutdownState, startState, type DomainObj } from './state.js';

type Ops = Pick<
  DomainApi,
  'domainCreate' | 'domainDestroy' | 'domainShutdown' | 'domainReboot' | 'domainReset' | 'domainSuspend' | 'domainResume'
>;

/** <on_poweroff>/<on_reboot> actions that leave the domain running (restart, rename-restart). */
const RESTARTING = new Set(['restart', 'rename-restart']);

export function lifecycleOps(node: TestNode): Ops {
  const s = node.domains;

  /** testDomainShutdownState, then a transient domain disappears. */
  const stop = (obj: DomainObj, reason: number, detail: number) => {
    shutdownState(obj, reason);
    domainLifecycle(node, obj, Ev.STOPPED, detail);
    if (!obj.persistent) removeObj(s, obj);
  };

  /** testDomainActionSetState: the lifecycle action decides between running again or off. */
  const act = (obj: DomainObj, action: string) => {
    if (RESTARTING.has(action)) {
      obj.state = DomainState.RUNNING;
      obj.reason = RunningReason.BOOTED;
    } else stop(obj, ShutoffReason.SHUTDOWN, D.STOPPED_SHUTDOWN);
  };

  return {
    async domainCreate(dom, flags) {
      checkFlags(flags, 0, 'testDomainCreateWithFlags');
      const obj = objFromHandle(s, dom);
      if (obj.state !== DomainState.SHUTOFF) throw virErr('INTERNAL_ERROR', `Domain '${dom.name}' is already running`);
      startState(s, obj, RunningReason.BOOTED, copyDef);
      domainLifecycle(node, obj, Ev.STARTED, D.STARTED_BOOTED);
      return handleOf(obj);
    },
    async domainDestroy(dom, flags) {
      checkFlags(flags, DomainDestroy.GRACEFUL, 'testDomainDestroyFlags');
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      stop(obj, ShutoffReason.DESTROYED, D.STOPPED_DESTROYED);
    },
    async domainShutdown(dom, flags) {
      checkFlags(flags, 0, 'testDomainShutdownFlags');
      const obj = objFromHandle(s, dom);
      if (obj.state === DomainState.SHUTOFF) throw virErr('INTERNAL_ERROR', `domain '${dom.name}' not running`);
      act(obj, obj.def.onPoweroff);
    },
    async domainReboot(dom, flags) {
      const all = Object.values(DomainShutdown).reduce((a, b) => a | b, 0);
      checkFlags(flags, all, 'testDomainReboot');
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      act(obj, obj.def.onReboot);
    },
    async domainReset(dom, flags) {
      checkFlags(flags, 0, 'testDomainReset');
      checkActive(objFromHandle(s, dom));
    },
    async domainSuspend(dom) {
      const obj = objFromHandle(s, dom);
      if (obj.state === DomainState.SHUTOFF || obj.state === DomainState.PAUSED)
        throw virErr('INTERNAL_ERROR', `domain '${dom.name}' not running`);
      obj.state = DomainState.PAUSED;
      obj.reason = PausedReason.USER;
      domainLifecycle(node, obj, Ev.SUSPENDED, D.SUSPENDED_PAUSED);
    },
    async domainResume(dom) {
      const obj = objFromHandle(s, dom);
      if (obj.state !== DomainState.PAUSED) throw virErr('INTERNAL_ERROR', `domain '${dom.name}' not paused`);
      obj.state = DomainState.RUNNING;
      obj.reason = RunningReason.UNPAUSED;
      domainLifecycle(node, obj, Ev.RESUMED, D.RESUMED_UNPAUSED);
    },
  };
}
