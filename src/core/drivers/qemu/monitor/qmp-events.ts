// QEMU monitor events for virConnectDomainQemuMonitorEventRegister (qemuMonitorEmitEvent):
// every event QEMU sends a guest's monitor, with its timestamp and its data as compact JSON,
// to the callbacks whose domain and event filter (literal, case-insensitive or a regex) match.
import { QemuMonitorEventFlags as F, type QemuMonitorEvent } from '../../../api/domain-devices.js';
import type { DomainHandle } from '../../../api/handles.js';
import { invalidArg } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import { handleOf, type QemuDomainObj } from '../domain/obj.js';
import type { QmpEvent } from '../qmp/index.js';

interface Callback {
  uuid?: string;
  matches: (event: string) => boolean;
  cb: (e: QemuMonitorEvent) => void;
}

const registries = new WeakMap<QemuDriver, { next: number; callbacks: Map<number, Callback> }>();

function registryOf(drv: QemuDriver) {
  let r = registries.get(drv);
  if (!r) registries.set(drv, (r = { next: 1, callbacks: new Map() }));
  return r;
}

/** virDomainQemuMonitorEventStateRegisterID's filter. */
function filter(event: string | null, flags: number): (name: string) => boolean {
  if (event === null) return () => true;
  if (flags & F.REGEX) {
    let re: RegExp;
    try {
      re = new RegExp(event, flags & F.NOCASE ? 'i' : '');
    } catch (e) {
      throw invalidArg(`failed to compile regex '${event}': ${(e as Error).message}`);
    }
    return (name) => re.test(name);
  }
  if (flags & F.NOCASE) return (name) => name.toLowerCase() === event.toLowerCase();
  return (name) => name === event;
}

/** Hands one event of `obj`'s QEMU to the matching callbacks. */
export function emitQemuMonitorEvent(drv: QemuDriver, obj: QemuDomainObj, e: QmpEvent): void {
  const r = registries.get(drv);
  if (!r?.callbacks.size) return;
  const ts = e.timestamp;
  const ev: QemuMonitorEvent = {
    dom: handleOf(obj),
    event: e.event,
    seconds: ts?.seconds ?? 0,
    micros: ts?.microseconds ?? 0,
    details: e.data === undefined ? null : JSON.stringify(e.data),
  };
  for (const c of [...r.callbacks.values()]) if ((!c.uuid || c.uuid === obj.def.uuid) && c.matches(e.event)) c.cb(ev);
}

export function qemuMonitorEventOps(drv: QemuDriver) {
  return {
    async connectDomainQemuMonitorEventRegister(dom: DomainHandle | null, event: string | null, flags: number, cb?: (e: QemuMonitorEvent) => void) {
      checkFlags(flags, F.REGEX | F.NOCASE, 'qemuConnectDomainQemuMonitorEventRegister');
      const r = registryOf(drv);
      const id = r.next++;
      r.callbacks.set(id, { uuid: dom?.uuid, matches: filter(event, flags), cb: cb ?? (() => {}) });
      return id;
    },
    async connectDomainQemuMonitorEventDeregister(callbackId: number) {
      if (!registryOf(drv).callbacks.delete(callbackId)) throw invalidArg(`could not find event callback ${callbackId} for deletion`);
    },
  };
}
