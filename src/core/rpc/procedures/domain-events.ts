import { domain as dom, nodeDevice, optStr, secret, str } from '../types.js';
import { hyper, int, uhyper } from '../xdr/index.js';
import { remoteEvent, s } from './define.js';

const cb = { callbackID: int };

/** Domain event messages (the callback flavour, REMOTE_EVENT_CALLBACK) beyond lifecycle, and node-device / secret events. */
export const domainEventProcs = {
  domainEventCallbackReboot: remoteEvent(319, 'DOMAIN_EVENT_CALLBACK_REBOOT', s({ ...cb, msg: s({ dom }) })),
  domainEventCallbackRtcChange: remoteEvent(320, 'DOMAIN_EVENT_CALLBACK_RTC_CHANGE', s({ ...cb, msg: s({ dom, offset: hyper }) })),
  domainEventCallbackWatchdog: remoteEvent(321, 'DOMAIN_EVENT_CALLBACK_WATCHDOG', s({ ...cb, msg: s({ dom, action: int }) })),
  domainEventCallbackControlError: remoteEvent(325, 'DOMAIN_EVENT_CALLBACK_CONTROL_ERROR', s({ ...cb, msg: s({ dom }) })),
  domainEventCallbackPmwakeup: remoteEvent(329, 'DOMAIN_EVENT_CALLBACK_PMWAKEUP', s({ ...cb, reason: int, msg: s({ dom }) })),
  domainEventCallbackPmsuspend: remoteEvent(330, 'DOMAIN_EVENT_CALLBACK_PMSUSPEND', s({ ...cb, reason: int, msg: s({ dom }) })),
  domainEventCallbackBalloonChange: remoteEvent(331, 'DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE', s({ ...cb, msg: s({ dom, actual: uhyper }) })),
  domainEventCallbackPmsuspendDisk: remoteEvent(332, 'DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK', s({ ...cb, reason: int, msg: s({ dom }) })),
  domainEventCallbackDeviceRemoved: remoteEvent(333, 'DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED', s({ ...cb, msg: s({ dom, devAlias: str }) })),
  domainEventCallbackDeviceAdded: remoteEvent(354, 'DOMAIN_EVENT_CALLBACK_DEVICE_ADDED', s({ ...cb, dom, devAlias: str })),
  domainEventCallbackMigrationIteration: remoteEvent(359, 'DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION', s({ ...cb, dom, iteration: int })),
  domainEventCallbackDeviceRemovalFailed: remoteEvent(367, 'DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED', s({ ...cb, dom, devAlias: str })),
  domainEventCallbackMetadataChange: remoteEvent(379, 'DOMAIN_EVENT_CALLBACK_METADATA_CHANGE', s({ ...cb, dom, type: int, nsuri: optStr })),
  nodeDeviceEventLifecycle: remoteEvent(376, 'NODE_DEVICE_EVENT_LIFECYCLE', s({ ...cb, dev: nodeDevice, event: int, detail: int })),
  nodeDeviceEventUpdate: remoteEvent(377, 'NODE_DEVICE_EVENT_UPDATE', s({ ...cb, dev: nodeDevice })),
  secretEventLifecycle: remoteEvent(382, 'SECRET_EVENT_LIFECYCLE', s({ ...cb, secret, event: int, detail: int })),
  secretEventValueChanged: remoteEvent(383, 'SECRET_EVENT_VALUE_CHANGED', s({ ...cb, secret })),
};
