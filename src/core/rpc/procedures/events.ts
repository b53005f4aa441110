import { domain as dom, network as net, nodeDevice, pool, secret } from '../types.js';
import { int, optional } from '../xdr/index.js';
import { none, remote, remoteEvent, s } from './define.js';

const callbackId = s({ callbackID: int });

/** Event registration calls and the event messages the daemon sends back. */
export const eventProcs = {
  connectNetworkEventRegisterAny: remote(313, 'CONNECT_NETWORK_EVENT_REGISTER_ANY', s({ eventID: int, net: optional(net) }), callbackId),
  connectNetworkEventDeregisterAny: remote(314, 'CONNECT_NETWORK_EVENT_DEREGISTER_ANY', callbackId, none),
  networkEventLifecycle: remoteEvent(315, 'NETWORK_EVENT_LIFECYCLE', s({ callbackID: int, net, event: int, detail: int })),
  connectDomainEventCallbackRegisterAny: remote(
    316,
    'CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY',
    s({ eventID: int, dom: optional(dom) }),
    callbackId,
  ),
  connectDomainEventCallbackDeregisterAny: remote(317, 'CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY', callbackId, none),
  domainEventCallbackLifecycle: remoteEvent(
    318,
    'DOMAIN_EVENT_CALLBACK_LIFECYCLE',
    s({ callbackID: int, msg: s({ dom, event: int, detail: int }) }),
  ),
  connectEventConnectionClosed: remoteEvent(362, 'CONNECT_EVENT_CONNECTION_CLOSED', s({ reason: int })),
  connectStoragePoolEventRegisterAny: remote(
    368,
    'CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY',
    s({ eventID: int, pool: optional(pool) }),
    callbackId,
  ),
  connectStoragePoolEventDeregisterAny: remote(369, 'CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY', callbackId, none),
  storagePoolEventLifecycle: remoteEvent(370, 'STORAGE_POOL_EVENT_LIFECYCLE', s({ callbackID: int, pool, event: int, detail: int })),
  storagePoolEventRefresh: remoteEvent(373, 'STORAGE_POOL_EVENT_REFRESH', s({ callbackID: int, pool })),
  connectSecretEventRegisterAny: remote(380, 'CONNECT_SECRET_EVENT_REGISTER_ANY', s({ eventID: int, secret: optional(secret) }), callbackId),
  connectSecretEventDeregisterAny: remote(381, 'CONNECT_SECRET_EVENT_DEREGISTER_ANY', callbackId, none),
  connectNodeDeviceEventRegisterAny: remote(
    374,
    'CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY',
    s({ eventID: int, dev: optional(nodeDevice) }),
    callbackId,
  ),
  connectNodeDeviceEventDeregisterAny: remote(375, 'CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY', callbackId, none),
};
