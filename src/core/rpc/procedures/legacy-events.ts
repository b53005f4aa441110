import { domain as dom, optStr, str } from '../types.js';
import { array, hyper, int, uhyper } from '../xdr/index.js';
import { none, remote, remoteEvent, s } from './define.js';

/** REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX */
const DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX = 20;

/** remote_domain_event_graphics_address */
const domainEventGraphicsAddress = s({ family: int, node: str, service: str });
/** remote_domain_event_graphics_identity */
const domainEventGraphicsIdentity = s({ type: str, name: str });

/** The first domain event API: registration without callback ids and the events it delivers. */
export const legacyEventProcs = {
  connectDomainEventRegister: remote(105, 'CONNECT_DOMAIN_EVENT_REGISTER', none, s({ cb_registered: int })),
  connectDomainEventDeregister: remote(106, 'CONNECT_DOMAIN_EVENT_DEREGISTER', none, s({ cb_registered: int })),
  connectDomainEventRegisterAny: remote(167, 'CONNECT_DOMAIN_EVENT_REGISTER_ANY', s({ eventID: int }), none),
  connectDomainEventDeregisterAny: remote(168, 'CONNECT_DOMAIN_EVENT_DEREGISTER_ANY', s({ eventID: int }), none),
  domainEventLifecycle: remoteEvent(107, 'DOMAIN_EVENT_LIFECYCLE', s({ dom, event: int, detail: int })),
  domainEventReboot: remoteEvent(169, 'DOMAIN_EVENT_REBOOT', s({ dom })),
  domainEventRtcChange: remoteEvent(170, 'DOMAIN_EVENT_RTC_CHANGE', s({ dom, offset: hyper })),
  domainEventWatchdog: remoteEvent(171, 'DOMAIN_EVENT_WATCHDOG', s({ dom, action: int })),
  domainEventIoError: remoteEvent(172, 'DOMAIN_EVENT_IO_ERROR', s({ dom, srcPath: str, devAlias: str, action: int })),
  domainEventGraphics: remoteEvent(173, 'DOMAIN_EVENT_GRAPHICS', s({ dom, phase: int, local: domainEventGraphicsAddress, remote: domainEventGraphicsAddress, authScheme: str, subject: array(domainEventGraphicsIdentity, DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX) })),
  domainEventIoErrorReason: remoteEvent(195, 'DOMAIN_EVENT_IO_ERROR_REASON', s({ dom, srcPath: str, devAlias: str, action: int, reason: str })),
  domainEventControlError: remoteEvent(224, 'DOMAIN_EVENT_CONTROL_ERROR', s({ dom })),
  domainEventBlockJob: remoteEvent(241, 'DOMAIN_EVENT_BLOCK_JOB', s({ dom, path: str, type: int, status: int })),
  domainEventDiskChange: remoteEvent(248, 'DOMAIN_EVENT_DISK_CHANGE', s({ dom, oldSrcPath: optStr, newSrcPath: optStr, devAlias: str, reason: int })),
  domainEventTrayChange: remoteEvent(268, 'DOMAIN_EVENT_TRAY_CHANGE', s({ dom, devAlias: str, reason: int })),
  domainEventPmwakeup: remoteEvent(269, 'DOMAIN_EVENT_PMWAKEUP', s({ dom })),
  domainEventPmsuspend: remoteEvent(270, 'DOMAIN_EVENT_PMSUSPEND', s({ dom })),
  domainEventBalloonChange: remoteEvent(276, 'DOMAIN_EVENT_BALLOON_CHANGE', s({ dom, actual: uhyper })),
  domainEventPmsuspendDisk: remoteEvent(292, 'DOMAIN_EVENT_PMSUSPEND_DISK', s({ dom })),
  domainEventDeviceRemoved: remoteEvent(311, 'DOMAIN_EVENT_DEVICE_REMOVED', s({ dom, devAlias: str })),
};
