import { virErr } from '../../core/errors.js';
import { DOMAIN_EVENT_WIRE } from '../../core/rpc/event-wire.js';
import { P, type Procedure } from '../../core/rpc/procedures/index.js';
import { serve, type Served } from './serve.js';

/** What event registration needs from the client it runs for. */
export interface EventHost {
  /** Sends one event message to this client (type MESSAGE, serial 1). */
  push(proc: Procedure, msg: unknown): void;
}

type Kind = 'domain' | 'network' | 'storage pool' | 'node device' | 'secret';

/**
 * One client's event callbacks (remoteClientEventCallback lists): each registration is a
 * callback on the client's driver connection that relays what it gets as event messages
 * carrying the callback's id; all of them go when the client closes or goes away.
 */
export class ClientEvents {
  private readonly regs = new Map<string, () => Promise<void>>();

  constructor(private readonly host: EventHost) {}

  served(): Served[] {
    const push = this.host.push.bind(this.host);
    return [
      serve(P.connectDomainEventCallbackRegisterAny, async (c, a) => {
        const callbackID = await c.connectDomainEventRegisterAny(a.dom, a.eventID, (ev) => {
          const wire = DOMAIN_EVENT_WIRE.get(ev.eventID);
          if (wire) push(wire.proc, wire.toMsg(callbackID, ev));
        });
        return this.track('domain', callbackID, () => c.connectDomainEventDeregisterAny(callbackID));
      }),
      serve(P.connectDomainEventCallbackDeregisterAny, (_c, a) => this.drop('domain', a.callbackID)),
      serve(P.connectNetworkEventRegisterAny, async (c, a) => {
        const callbackID = await c.networkEventRegisterAny(a.net, a.eventID, (ev) =>
          push(P.networkEventLifecycle, { callbackID, net: ev.network, event: ev.event, detail: ev.detail }),
        );
        return this.track('network', callbackID, () => c.networkEventDeregisterAny(callbackID));
      }),
      serve(P.connectNetworkEventDeregisterAny, (_c, a) => this.drop('network', a.callbackID)),
      serve(P.connectStoragePoolEventRegisterAny, async (c, a) => {
        const callbackID = await c.connectStoragePoolEventRegisterAny(a.pool, a.eventID, (ev) =>
          ev.eventId === 0
            ? push(P.storagePoolEventLifecycle, { callbackID, pool: ev.pool, event: ev.event ?? 0, detail: ev.detail ?? 0 })
            : push(P.storagePoolEventRefresh, { callbackID, pool: ev.pool }),
        );
        return this.track('storage pool', callbackID, () => c.connectStoragePoolEventDeregisterAny(callbackID));
      }),
      serve(P.connectStoragePoolEventDeregisterAny, (_c, a) => this.drop('storage pool', a.callbackID)),
      serve(P.connectNodeDeviceEventRegisterAny, async (c, a) => {
        const callbackID = await c.connectNodeDeviceEventRegisterAny(a.dev, a.eventID, (ev) =>
          ev.eventID === 0
            ? push(P.nodeDeviceEventLifecycle, { callbackID, dev: ev.dev, event: ev.event ?? 0, detail: ev.detail ?? 0 })
            : push(P.nodeDeviceEventUpdate, { callbackID, dev: ev.dev }),
        );
        return this.track('node device', callbackID, () => c.connectNodeDeviceEventDeregisterAny(callbackID));
      }),
      serve(P.connectNodeDeviceEventDeregisterAny, (_c, a) => this.drop('node device', a.callbackID)),
      serve(P.connectSecretEventRegisterAny, async (c, a) => {
        const callbackID = await c.secretEventRegisterAny(a.secret, a.eventID);
        return this.track('secret', callbackID, async () => undefined);
      }),
      serve(P.connectSecretEventDeregisterAny, (_c, a) => this.drop('secret', a.callbackID)),
    ];
  }

  /** remoteClientFreePrivateCallbacks: the client closed its connection or went away. */
  async clear(): Promise<void> {
    const all = [...this.regs.values()];
    this.regs.clear();
    for (const drop of all) await drop().catch(() => undefined);
  }

  private track(kind: Kind, callbackID: number, drop: () => Promise<void>): { callbackID: number } {
    this.regs.set(`${kind}:${callbackID}`, drop);
    return { callbackID };
  }

  private async drop(kind: Kind, callbackID: number): Promise<void> {
    const key = `${kind}:${callbackID}`;
    const drop = this.regs.get(key);
    // libvirt 9.0 names secret callbacks "node device" in this message.
    if (!drop) throw virErr('INTERNAL_ERROR', `${kind === 'secret' ? 'node device' : kind} event callback ${callbackID} not registered`, 'RPC');
    await drop();
    this.regs.delete(key);
  }
}
