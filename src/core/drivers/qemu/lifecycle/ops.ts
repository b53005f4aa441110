import { DomainDestroy, DomainShutdown, DomainStart, DomainState, PausedReason, RunningReason, ShutoffReason, type DomainApi } from '../../../api/domain.js';
import { DomainLifecycle, LifecycleDetail } from '../../../api/events.js';
import { virErr } from '../../../errors.js';
import { emitLifecycle } from '../events/index.js';
import { checkFlags } from '../../check-flags.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import type { QemuDriver } from '../driver.js';
import { handleOf, isActive, newObj, type QemuDomainObj } from '../domain/obj.js';
import type { QemuProcess } from '../process/index.js';
import { startOrRestore } from '../save/managed-start.js';
import { startDomain } from './start.js';
import { saveStatus } from './status.js';
import { stopDomain } from './stop.js';

type Ops = Pick<
  DomainApi,
  'domainCreate' | 'domainCreateXML' | 'domainDestroy' | 'domainShutdown' | 'domainReboot' | 'domainReset' | 'domainSuspend' | 'domainResume'
>;

const notRunning = () => virErr('OPERATION_INVALID', 'domain is not running');

/** virDomainObjCheckActive: the running guest's QEMU, or libvirt's error. */
function running(o: QemuDomainObj): QemuProcess {
  if (!isActive(o) || !o.proc) throw notRunning();
  return o.proc;
}

/** qemuDomainSetFakeReboot: remembered in the status file, so another process can finish it. */
function setFakeReboot(drv: QemuDriver, o: QemuDomainObj, value: boolean): void {
  if (!!o.fakeReboot === value) return;
  o.fakeReboot = value;
  saveStatus(drv.paths, o);
}

export function lifecycleOps(drv: QemuDriver): Ops {
  const list = drv.domains;

  /** ACPI power button for shutdown and reboot alike; a reboot is a power-off turned into a reset. */
  async function powerdown(o: QemuDomainObj, reboot: boolean, requireRunning: boolean): Promise<void> {
    const proc = running(o);
    if (requireRunning && o.state !== DomainState.RUNNING) throw notRunning();
    setFakeReboot(drv, o, reboot);
    await proc.qmp.execute('system_powerdown');
  }

  return {
    async domainCreate(dom, flags) {
      checkFlags(flags, DomainStart.PAUSED | DomainStart.AUTODESTROY | DomainStart.BYPASS_CACHE | DomainStart.FORCE_BOOT | DomainStart.RESET_NVRAM, 'qemuDomainCreateWithFlags');
      const o = list.fromHandle(dom);
      const restored = await startOrRestore(drv, o, { paused: !!(flags & DomainStart.PAUSED), forceBoot: !!(flags & DomainStart.FORCE_BOOT) });
      if (!restored) announceStart(drv, o, !!(flags & DomainStart.PAUSED));
      return handleOf(o);
    },
    async domainCreateXML(xml, flags) {
      checkFlags(flags, DomainStart.PAUSED | DomainStart.AUTODESTROY | DomainStart.VALIDATE | DomainStart.RESET_NVRAM, 'qemuDomainCreateXML');
      if (flags & DomainStart.VALIDATE) await schemaCheck(xml, 'domain.rng', 'domain');
      const def = await drv.parse(xml);
      // virDomainObjListAdd with CHECK_LIVE: a running namesake refuses, an inactive persistent one
      // runs this definition until it stops.
      let o = list.checkAdd(def);
      if (o && isActive(o)) throw virErr('OPERATION_INVALID', `domain '${def.name}' is already active`);
      if (o) o.def = def;
      else {
        o = newObj(def);
        o.persistent = false;
        list.objs.push(o);
      }
      await startDomain(drv, o, { paused: !!(flags & DomainStart.PAUSED) });
      announceStart(drv, o, !!(flags & DomainStart.PAUSED));
      return handleOf(o);
    },
    async domainDestroy(dom, flags) {
      checkFlags(flags, DomainDestroy.GRACEFUL | DomainDestroy.REMOVE_LOGS, 'qemuDomainDestroyFlags');
      const o = list.fromHandle(dom);
      const proc = running(o);
      o.beingDestroyed = true;
      try {
        await proc.kill({ force: !(flags & DomainDestroy.GRACEFUL) });
      } catch (e) {
        o.beingDestroyed = false;
        throw e;
      }
      await stopDomain(drv, o, ShutoffReason.DESTROYED);
      emitLifecycle(drv, o, DomainLifecycle.STOPPED, LifecycleDetail.STOPPED_DESTROYED);
    },
    async domainShutdown(dom, flags) {
      checkFlags(flags, DomainShutdown.ACPI_POWER_BTN | DomainShutdown.GUEST_AGENT, 'qemuDomainShutdownFlags');
      const o = list.fromHandle(dom);
      if (flags & DomainShutdown.GUEST_AGENT && !(flags & DomainShutdown.ACPI_POWER_BTN)) throw noAgent();
      await powerdown(o, o.def.onPoweroff === 'restart' || o.def.onPoweroff === 'rename-restart', true);
    },
    async domainReboot(dom, flags) {
      checkFlags(flags, DomainShutdown.ACPI_POWER_BTN | DomainShutdown.GUEST_AGENT, 'qemuDomainReboot');
      const o = list.fromHandle(dom);
      if (flags & DomainShutdown.GUEST_AGENT && !(flags & DomainShutdown.ACPI_POWER_BTN)) throw noAgent();
      await powerdown(o, !(o.def.onReboot === 'destroy' || o.def.onReboot === 'preserve'), false);
    },
    async domainReset(dom, flags) {
      checkFlags(flags, 0, 'qemuDomainReset');
      const o = list.fromHandle(dom);
      await running(o).qmp.execute('system_reset');
      o.fakeReboot = false;
      saveStatus(drv.paths, o);
    },
    async domainSuspend(dom) {
      const o = list.fromHandle(dom);
      const proc = running(o);
      if (o.state === DomainState.PMSUSPENDED) throw virErr('OPERATION_INVALID', 'domain is pmsuspended');
      if (o.state === DomainState.PAUSED) return;
      await proc.qmp.execute('stop');
      // QEMU's STOP event normally got there first and told the listeners (qemuProcessHandleStop).
      if (o.state === DomainState.RUNNING) emitLifecycle(drv, o, DomainLifecycle.SUSPENDED, LifecycleDetail.SUSPENDED_PAUSED);
      o.state = DomainState.PAUSED;
      o.reason = PausedReason.USER;
      saveStatus(drv.paths, o);
    },
    async domainResume(dom) {
      const o = list.fromHandle(dom);
      const proc = running(o);
      if (o.state === DomainState.PMSUSPENDED) throw virErr('OPERATION_INVALID', 'domain is pmsuspended');
      if (o.state === DomainState.RUNNING) throw virErr('OPERATION_INVALID', 'domain is already running');
      await proc.qmp.execute('cont');
      if (o.state !== DomainState.RUNNING) emitLifecycle(drv, o, DomainLifecycle.RESUMED, LifecycleDetail.RESUMED_UNPAUSED);
      o.state = DomainState.RUNNING;
      o.reason = RunningReason.UNPAUSED;
      saveStatus(drv.paths, o);
    },
  };
}

/** qemuDomainObjStart / qemuDomainCreateXML: the start, and a paused start's pause. */
function announceStart(drv: QemuDriver, o: QemuDomainObj, paused: boolean): void {
  emitLifecycle(drv, o, DomainLifecycle.STARTED, LifecycleDetail.STARTED_BOOTED);
  if (paused) emitLifecycle(drv, o, DomainLifecycle.SUSPENDED, LifecycleDetail.SUSPENDED_PAUSED);
}

/** qemuDomainAgentAvailable without a guest agent channel. */
const noAgent = () => virErr('AGENT_UNRESPONSIVE', 'QEMU guest agent is not configured');
