import type { DomainEvent, EventApi, NodeDeviceEvent } from '../../../api/events.js';
import { DOMAIN_EVENT_ID_LAST, DomainEventID, NodeDeviceEventID } from '../../../api/events.js';
import { invalidArg } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { handleOf, type DomainObj } from '../domain/state.js';
import { EventBus } from '../../events/bus.js';

interface NodeEvents {
  domains: EventBus<DomainEvent>;
  nodedevs: EventBus<NodeDeviceEvent>;
}

/** The node's event state, made on first use so a node carries none until someone listens. */
const states = new WeakMap<TestNode, NodeEvents>();
function eventsOf(node: TestNode): NodeEvents {
  let s = states.get(node);
  if (!s) states.set(node, (s = { domains: new EventBus(), nodedevs: new EventBus() }));
  return s;
}

/** virDomainEventLifecycleNewFromObj + queue: the handle as it is right now (id -1 once stopped). */
export function domainLifecycle(node: TestNode, obj: DomainObj, event: number, detail: number): void {
  const dom = handleOf(obj);
  eventsOf(node).domains.emit(dom.uuid, DomainEventID.LIFECYCLE, { eventID: DomainEventID.LIFECYCLE, dom, event, detail });
}

/** Any other domain event (metadata-change, …): `fields` are those its id carries. */
export function domainEvent(node: TestNode, obj: DomainObj, eventID: number, fields: Omit<DomainEvent, 'eventID' | 'dom'>): void {
  const dom = handleOf(obj);
  eventsOf(node).domains.emit(dom.uuid, eventID, { eventID, dom, ...fields });
}

/** virNodeDeviceEventLifecycleNew + queue. */
export function nodeDeviceLifecycle(node: TestNode, name: string, event: number): void {
  const ev = { eventID: NodeDeviceEventID.LIFECYCLE, dev: { name }, event, detail: 0 };
  eventsOf(node).nodedevs.emit(name, NodeDeviceEventID.LIFECYCLE, ev);
}

/** virObjectEventCallbackListRemoveID's refusal. */
const badId = (id: number) => invalidArg(`could not find event callback ${id} for deletion`);

/** The test driver's registration calls (testConnect*EventRegisterAny). */
export function eventOps(node: TestNode): EventApi {
  return {
    async connectDomainEventRegisterAny(dom, eventID, cb) {
      if (eventID >= DOMAIN_EVENT_ID_LAST) throw invalidArg(`eventID must be less than ${DOMAIN_EVENT_ID_LAST}`);
      return eventsOf(node).domains.register(dom?.uuid, eventID, cb);
    },
    async connectDomainEventDeregisterAny(id) {
      if (!eventsOf(node).domains.deregister(id)) throw badId(id);
    },
    async connectNodeDeviceEventRegisterAny(dev, eventID, cb) {
      if (eventID >= 2) throw invalidArg('eventID must be less than 2');
      return eventsOf(node).nodedevs.register(dev?.name, eventID, cb);
    },
    async connectNodeDeviceEventDeregisterAny(id) {
      if (!eventsOf(node).nodedevs.deregister(id)) throw badId(id);
    },
    // A local driver's connection never drops by itself: the callback is kept and never runs.
    async connectRegisterCloseCallback() {},
    async connectUnregisterCloseCallback() {},
  };
}
