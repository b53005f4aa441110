import { domain as dom, nodeDevice, optStr, secret, str, typedParam } from '../types.js';
import { array, hyper, int, uhyper, uint } from '../xdr/index.js';
import { remoteEvent, s } from './define.js';

const cb = { callbackID: int };
const graphicsAddress = s({ family: int, node: str, service: str });
const graphicsIdentity = s({ type: str, name: str });

/** Domain event messages (the callback flavour, REMOTE_EVENT_CALLBACK) beyond lifecycle, and node-device / secret events. */
export const domainEventProcs = {
  domainEventCallbackReboot: remoteEvent(319, 'DOMAIN_EVENT_CALLBACK_REBOOT', s({ ...cb, msg: s({ dom }) })),
  domainEventCallbackRtcChange: remoteEvent(320, 'DOMAIN_EVENT_CALLBACK_RTC_CHANGE', s({ ...cb, msg: s({ dom, offset: hyper }) })),
  domainEventCallbackWatchdog: remoteEvent(321, 'DOMAIN_EVENT_CALLBACK_WATCHDOG', s({ ...cb, msg: s({ dom, action: int }) })),
  domainEventCallbackIoError: remoteEvent(322, 'DOMAIN_EVENT_CALLBACK_IO_ERROR', s({ ...cb, msg: s({ dom, srcPath: str, devAlias: str, action: int }) })),
  domainEventCallbackGraphics: remoteEvent(
    323,
    'DOMAIN_EVENT_CALLBACK_GRAPHICS',
    s({
      ...cb,
      msg: s({ dom, phase: int, local: graphicsAddress, remote: graphicsAddress, authScheme: str, subject: array(graphicsIdentity, 20) }),
    }),
  ),
  domainEventCallbackIoErrorReason: remoteEvent(
    324,
    'DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON',
    s({ ...cb, msg: s({ dom, srcPath: str, devAlias: str, action: int, reason: str }) }),
  ),
  domainEventCallbackBlockJob: remoteEvent(326, 'DOMAIN_EVENT_CALLBACK_BLOCK_JOB', s({ ...cb, msg: s({ dom, path: str, type: int, status: int }) })),
  domainEventCallbackDiskChange: remoteEvent(
    327,
    'DOMAIN_EVENT_CALLBACK_DISK_CHANGE',
    s({ ...cb, msg: s({ dom, oldSrcPath: optStr, newSrcPath: optStr, devAlias: str, reason: int }) }),
  ),
  domainEventCallbackTrayChange: remoteEvent(328, 'DOMAIN_EVENT_CALLBACK_TRAY_CHANGE', s({ ...cb, msg: s({ dom, devAlias: str, reason: int }) })),
  domainEventBlockJob2: remoteEvent(339, 'DOMAIN_EVENT_BLOCK_JOB_2', s({ ...cb, dom, dst: str, type: int, status: int })),
  domainEventCallbackTunable: remoteEvent(346, 'DOMAIN_EVENT_CALLBACK_TUNABLE', s({ ...cb, dom, params: array(typedParam, 2048) })),
  domainEventCallbackJobCompleted: remoteEvent(363, 'DOMAIN_EVENT_CALLBACK_JOB_COMPLETED', s({ ...cb, dom, params: array(typedParam, 64) })),
  domainEventCallbackAgentLifecycle: remoteEvent(348, 'DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE', s({ ...cb, dom, state: int, reason: int })),
  domainEventBlockThreshold: remoteEvent(
    385,
    'DOMAIN_EVENT_BLOCK_THRESHOLD',
    s({ ...cb, dom, dev: str, path: optStr, threshold: uhyper, excess: uhyper }),
  ),
  domainEventMemoryFailure: remoteEvent(423, 'DOMAIN_EVENT_MEMORY_FAILURE', s({ ...cb, dom, recipient: int, action: int, flags: uint })),
  domainEventMemoryDeviceSizeChange: remoteEvent(438, 'DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE', s({ ...cb, dom, alias: str, size: uhyper })),
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
