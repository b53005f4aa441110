// qemuProcessReconnect, done before the driver answers its first call: every guest an earlier
// process started and left running is taken over (monitor reopened, state brought up to date
// with QEMU's), or recorded as stopped when its QEMU is gone.
import { DomainState, PausedReason, RunningReason, ShutdownReason, ShutoffReason } from '../../../api/domain.js';
import type { QemuDriver } from '../driver.js';
import { newObj, type QemuDomainObj } from '../domain/obj.js';
import { qemuPaths, reconnectQemu } from '../process/index.js';
import { qmpStatusPausedReason } from './qmp-status.js';
import { guestPoweredOff, watchGuest } from './guest-events.js';
import { loadStatuses, saveStatus } from './status.js';
import { refreshBalloonState } from './balloon.js';
import { stopDomain } from './stop.js';
import { refreshDevices } from '../devices/live/takeover.js';

/**
 * Guests are taken over side by side, as libvirt does in a thread per guest: each waits on its
 * own monitor, and a host with many guests would otherwise pay those round trips in series.
 */
export async function reconnectAll(drv: QemuDriver): Promise<void> {
  const found = loadStatuses(drv.paths);
  const defs = await Promise.all(found.map(({ status }) => drv.parse(status.domainXML, { live: true }).catch(() => undefined)));
  const takeovers: Array<Promise<void>> = [];
  for (const [i, { name, status }] of found.entries()) {
    const def = defs[i];
    if (!def) continue;
    const id = Number(/<domain [^>]*\bid='(\d+)'/.exec(status.domainXML)?.[1] ?? NaN);
    if (def.name !== name || !Number.isInteger(id)) continue;
    let obj = drv.domains.byUUID(def.uuid);
    if (obj && obj.def.name !== name) continue;
    if (!obj) {
      obj = newObj(def);
      obj.persistent = false;
      drv.domains.objs.push(obj);
    } else {
      obj.newDef = obj.def;
      obj.def = def;
    }
    obj.id = id;
    obj.state = status.state;
    obj.reason = status.reason;
    obj.taints = status.taints;
    obj.fakeReboot = status.fakeReboot;
    obj.origCpu = status.origCpu;
    obj.nodenameIndex = status.nodenameIndex;
    drv.lastId = Math.max(drv.lastId, id);
    takeovers.push(takeOver(drv, obj));
  }
  await Promise.all(takeovers);
}

async function takeOver(drv: QemuDriver, obj: QemuDomainObj): Promise<void> {
  let proc;
  try {
    proc = await reconnectQemu(qemuPaths(drv.paths, obj.def.name, obj.id));
  } catch {
    // No monitor to reach: QEMU died while nobody watched (QEMU 7.2 has set-action, so libvirt
    // calls that a crash).
    await stopDomain(drv, obj, ShutoffReason.CRASHED);
    return;
  }
  obj.proc = proc;
  watchGuest(drv, obj, proc);
  const { running, status } = await proc.qmp.execute<{ running: boolean; status: string }>('query-status');
  updateState(obj, running, qmpStatusPausedReason(status));
  if (obj.state === DomainState.PAUSED && obj.reason === PausedReason.STARTING_UP) {
    await stopDomain(drv, obj, ShutoffReason.DAEMON);
    return;
  }
  if (obj.state === DomainState.SHUTDOWN || (obj.fakeReboot && obj.state === DomainState.PAUSED && obj.reason === PausedReason.USER)) {
    await finishShutdown(drv, obj);
    return;
  }
  await refreshDevices(drv, obj);
  await refreshBalloonState(proc.qmp, obj.def);
  saveStatus(drv.paths, obj);
}

/** qemuProcessUpdateState: what happened to the guest while no monitor listened. */
function updateState(obj: QemuDomainObj, running: boolean, pausedReason: number): void {
  if (running && obj.state === DomainState.PAUSED && obj.reason !== PausedReason.STARTING_UP) {
    obj.state = DomainState.RUNNING;
    obj.reason = RunningReason.UNPAUSED;
  } else if (running && obj.state === DomainState.PAUSED) {
    obj.state = DomainState.RUNNING;
    obj.reason = RunningReason.BOOTED;
  } else if (!running && obj.state === DomainState.RUNNING) {
    obj.state = pausedReason === PausedReason.SHUTTING_DOWN ? DomainState.SHUTDOWN : DomainState.PAUSED;
    obj.reason = pausedReason === PausedReason.SHUTTING_DOWN ? ShutdownReason.UNKNOWN : pausedReason;
  }
}

/**
 * The guest powered off while nobody watched: a pending reboot resets it; otherwise QEMU is
 * ended here and now, so the one-shot command that found it reports it shut off.
 */
async function finishShutdown(drv: QemuDriver, obj: QemuDomainObj): Promise<void> {
  if (obj.fakeReboot || obj.def.onPoweroff === 'restart') {
    obj.state = DomainState.PAUSED;
    await guestPoweredOff(drv, obj);
    return;
  }
  obj.state = DomainState.SHUTDOWN;
  await stopDomain(drv, obj, ShutoffReason.SHUTDOWN);
}
