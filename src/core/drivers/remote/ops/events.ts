import type { CloseCallback, DomainEventCallback, NodeDeviceEventCallback } from '../../../api/events.js';
import type { NetworkEventCallback } from '../../../api/network.js';
import type { PoolEventCallback } from '../../../api/storage.js';
import { CloseReason } from '../../../rpc/constants.js';
import { DOMAIN_EVENT_BY_PROC } from '../../../rpc/event-wire.js';
import { P, type Procedure } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

/**
 * Event registration over RPC (the REMOTE_EVENT_CALLBACK flavour libvirt 9.0 uses): each
 * registration is one callback on the daemon, whose id comes back in every event message;
 * messages are routed to the callback by that id. The daemon's ids are what callers get.
 */
export function eventOps(s: Session): Ops {
  const domains = new Map<number, DomainEventCallback>();
  const networks = new Map<number, NetworkEventCallback>();
  const pools = new Map<number, PoolEventCallback>();
  const devices = new Map<number, NodeDeviceEventCallback>();
  const closers = new Set<CloseCallback>();

  const route: Record<number, (m: any) => void> = {
    [P.networkEventLifecycle.number]: (m) => networks.get(m.callbackID)?.({ network: m.net, event: m.event, detail: m.detail }),
    [P.storagePoolEventLifecycle.number]: (m) => pools.get(m.callbackID)?.({ pool: m.pool, eventId: 0, event: m.event, detail: m.detail }),
    [P.storagePoolEventRefresh.number]: (m) => pools.get(m.callbackID)?.({ pool: m.pool, eventId: 1 }),
    [P.nodeDeviceEventLifecycle.number]: (m) => devices.get(m.callbackID)?.({ eventID: 0, dev: m.dev, event: m.event, detail: m.detail }),
    [P.nodeDeviceEventUpdate.number]: (m) => devices.get(m.callbackID)?.({ eventID: 1, dev: m.dev }),
  };
  s.listeners.add((proc: Procedure, payload: unknown) => {
    const wire = DOMAIN_EVENT_BY_PROC.get(proc.number);
    if (wire) {
      const { callbackID, ev } = wire.fromMsg(payload);
      domains.get(callbackID)?.(ev);
      return;
    }
    route[proc.number]?.(payload);
  });
  s.closeListeners.add((reason) => {
    if (reason !== CloseReason.CLIENT) for (const cb of closers) cb(reason);
  });

  return {
    async connectDomainEventRegisterAny(dom, eventID, cb) {
      const { callbackID } = await s.call(P.connectDomainEventCallbackRegisterAny, { eventID, dom });
      domains.set(callbackID, cb);
      return callbackID;
    },
    async connectDomainEventDeregisterAny(callbackID) {
      await s.call(P.connectDomainEventCallbackDeregisterAny, { callbackID });
      domains.delete(callbackID);
    },
    async networkEventRegisterAny(net, eventID, cb) {
      const { callbackID } = await s.call(P.connectNetworkEventRegisterAny, { eventID, net });
      networks.set(callbackID, cb);
      return callbackID;
    },
    async networkEventDeregisterAny(callbackID) {
      await s.call(P.connectNetworkEventDeregisterAny, { callbackID });
      networks.delete(callbackID);
    },
    async connectStoragePoolEventRegisterAny(pool, eventID, cb) {
      const { callbackID } = await s.call(P.connectStoragePoolEventRegisterAny, { eventID, pool });
      pools.set(callbackID, cb);
      return callbackID;
    },
    async connectStoragePoolEventDeregisterAny(callbackID) {
      await s.call(P.connectStoragePoolEventDeregisterAny, { callbackID });
      pools.delete(callbackID);
    },
    async connectNodeDeviceEventRegisterAny(dev, eventID, cb) {
      const { callbackID } = await s.call(P.connectNodeDeviceEventRegisterAny, { eventID, dev });
      devices.set(callbackID, cb);
      return callbackID;
    },
    async connectNodeDeviceEventDeregisterAny(callbackID) {
      await s.call(P.connectNodeDeviceEventDeregisterAny, { callbackID });
      devices.delete(callbackID);
    },
    async secretEventRegisterAny(secret, eventID) {
      return (await s.call(P.connectSecretEventRegisterAny, { eventID, secret })).callbackID;
    },
    // The daemon side was registered while opening (doRemoteOpen); these are local.
    async connectRegisterCloseCallback(cb) {
      closers.add(cb);
    },
    async connectUnregisterCloseCallback(cb) {
      closers.delete(cb);
    },
  };
}
