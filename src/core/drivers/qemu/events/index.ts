// The QEMU driver's event state (driver->domainEventState): every connection on one driver
// shares it, so a REPL or virtd-ts client sees what the driver's API calls and QEMU's own
// events did, as libvirt's embed driver and libvirtd do.
import type { DomainEvent, EventApi } from '../../../api/events.js';
import { DOMAIN_EVENT_ID_LAST, DomainEventID } from '../../../api/events.js';
import { invalidArg } from '../../../errors.js';
import { EventBus } from '../../events/bus.js';
import type { QemuDriver } from '../driver.js';
import { handleOf, type QemuDomainObj } from '../domain/obj.js';

const buses = new WeakMap<QemuDriver, EventBus<DomainEvent>>();
function busOf(drv: QemuDriver): EventBus<DomainEvent> {
  let b = buses.get(drv);
  if (!b) buses.set(drv, (b = new EventBus()));
  return b;
}

/** virDomainEventLifecycleNewFromObj + virObjectEventStateQueue: the handle as it is now. */
export function emitLifecycle(drv: QemuDriver, obj: QemuDomainObj, event: number, detail: number): void {
  const dom = handleOf(obj);
  busOf(drv).emit(dom.uuid, DomainEventID.LIFECYCLE, { eventID: DomainEventID.LIFECYCLE, dom, event, detail });
}

/** virDomainEventRebootNewFromObj: the guest was reset. */
export function emitReboot(drv: QemuDriver, obj: QemuDomainObj): void {
  const dom = handleOf(obj);
  busOf(drv).emit(dom.uuid, DomainEventID.REBOOT, { eventID: DomainEventID.REBOOT, dom });
}

/** Any other domain event (metadata-change, balloon-change, …): `fields` are those its id carries. */
export function emitDomainEvent(drv: QemuDriver, obj: QemuDomainObj, eventID: number, fields: Omit<DomainEvent, 'eventID' | 'dom'>): void {
  const dom = handleOf(obj);
  busOf(drv).emit(dom.uuid, eventID, { eventID, dom, ...fields });
}

/** The lifecycle event of a domain no longer in the list (rename's old name). */
export function emitLifecycleOf(drv: QemuDriver, dom: { name: string; uuid: string; id: number }, event: number, detail: number): void {
  busOf(drv).emit(dom.uuid, DomainEventID.LIFECYCLE, { eventID: DomainEventID.LIFECYCLE, dom, event, detail });
}

/** qemuConnectDomainEventRegisterAny / DeregisterAny (node device events: no such devices here). */
export function eventOps(drv: QemuDriver): Pick<EventApi, 'connectDomainEventRegisterAny' | 'connectDomainEventDeregisterAny'> {
  return {
    async connectDomainEventRegisterAny(dom, eventID, cb) {
      if (eventID >= DOMAIN_EVENT_ID_LAST) throw invalidArg(`eventID must be less than ${DOMAIN_EVENT_ID_LAST}`);
      return busOf(drv).register(dom?.uuid, eventID, cb);
    },
    async connectDomainEventDeregisterAny(id) {
      if (!busOf(drv).deregister(id)) throw invalidArg(`could not find event callback ${id} for deletion`);
    },
  };
}
