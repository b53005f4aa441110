// qemuDomainSaveInternal: pause the guest (paused, saving), write its image, then stop it
// (shut off, saved). A failure resumes a guest that was running (running, save canceled).
import { DomainSave, DomainState, PausedReason, RunningReason, ShutoffReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { QemuDriver } from '../driver.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import { saveStatus } from '../lifecycle/status.js';
import { stopDomain } from '../lifecycle/stop.js';
import { emitLifecycle } from '../events/index.js';
import { DomainLifecycle, LifecycleDetail } from '../../../api/events.js';
import { checkABIStability } from './abi.js';
import { SAVE_VERSION } from './header.js';
import { createImage, definedView, saveCookie } from './image.js';
import { imageXML } from './migratable.js';

export async function saveDomain(drv: QemuDriver, obj: QemuDomainObj, path: string, dxml: string | null, flags: number): Promise<void> {
  const proc = obj.proc;
  if (!isActive(obj) || !proc) throw virErr('OPERATION_INVALID', 'domain is not running');
  let wasRunning = false;
  if (obj.state === DomainState.RUNNING) {
    wasRunning = true;
    await proc.qmp.execute('stop');
    obj.state = DomainState.PAUSED;
    obj.reason = PausedReason.SAVE;
    saveStatus(drv.paths, obj);
  }
  if (flags & DomainSave.RUNNING) wasRunning = true;
  else if (flags & DomainSave.PAUSED) wasRunning = false;
  try {
    let xml: string;
    if (dxml !== null) {
      const def = await drv.parse(dxml);
      checkABIStability(definedView(obj), def);
      xml = imageXML(def);
    } else xml = imageXML(definedView(obj));
    const data = { version: SAVE_VERSION, dataLen: 0, wasRunning, compressed: 0, xml, cookie: saveCookie(obj) };
    await createImage(proc, path, data);
  } catch (err) {
    if (wasRunning && obj.proc) {
      await obj.proc.qmp.execute('cont').catch(() => undefined);
      obj.state = DomainState.RUNNING;
      obj.reason = RunningReason.SAVE_CANCELED;
      saveStatus(drv.paths, obj);
    }
    throw err;
  }
  await stopDomain(drv, obj, ShutoffReason.SAVED);
  emitLifecycle(drv, obj, DomainLifecycle.STOPPED, LifecycleDetail.STOPPED_SAVED);
}
