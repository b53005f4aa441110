import { domain as dom, optStr, str, typedParam } from '../types.js';
import { array, hyper, int, uhyper, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_DOMAIN_SEND_KEY_MAX */
const DOMAIN_SEND_KEY_MAX = 16;
/** REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX */
const DOMAIN_FSFREEZE_MOUNTPOINTS_MAX = 256;
/** REMOTE_DOMAIN_FSINFO_DISKS_MAX */
const DOMAIN_FSINFO_DISKS_MAX = 256;
/** REMOTE_DOMAIN_FSINFO_MAX */
const DOMAIN_FSINFO_MAX = 256;
/** REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX */
const DOMAIN_GUEST_VCPU_PARAMS_MAX = 64;
/** REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX */
const DOMAIN_GUEST_INFO_PARAMS_MAX = 2048;
/** REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX */
const DOMAIN_AUTHORIZED_SSH_KEYS_MAX = 2048;

/** remote_domain_fsinfo */
const domainFsinfo = s({ mountpoint: str, name: str, fstype: str, dev_aliases: array(str, DOMAIN_FSINFO_DISKS_MAX) });

/** Calls the guest agent answers: filesystems, users, vCPUs, guest info; keys and signals. */
export const guestProcs = {
  domainSendKey: remote(226, 'DOMAIN_SEND_KEY', s({ dom, codeset: uint, holdtime: uint, keycodes: array(uint, DOMAIN_SEND_KEY_MAX), flags: uint }), none),
  domainFstrim: remote(294, 'DOMAIN_FSTRIM', s({ dom, mountPoint: optStr, minimum: uhyper, flags: uint }), none),
  domainSendProcessSignal: remote(295, 'DOMAIN_SEND_PROCESS_SIGNAL', s({ dom, pid_value: hyper, signum: uint, flags: uint }), none),
  domainFsfreeze: remote(335, 'DOMAIN_FSFREEZE', s({ dom, mountpoints: array(str, DOMAIN_FSFREEZE_MOUNTPOINTS_MAX), flags: uint }), s({ filesystems: int })),
  domainFsthaw: remote(336, 'DOMAIN_FSTHAW', s({ dom, mountpoints: array(str, DOMAIN_FSFREEZE_MOUNTPOINTS_MAX), flags: uint }), s({ filesystems: int })),
  domainGetFsinfo: remote(349, 'DOMAIN_GET_FSINFO', s({ dom, flags: uint }), s({ info: array(domainFsinfo, DOMAIN_FSINFO_MAX), ret: uint })),
  domainSetUserPassword: remote(357, 'DOMAIN_SET_USER_PASSWORD', s({ dom, user: optStr, password: optStr, flags: uint }), none),
  domainGetGuestVcpus: remote(371, 'DOMAIN_GET_GUEST_VCPUS', s({ dom, flags: uint }), s({ params: array(typedParam, DOMAIN_GUEST_VCPU_PARAMS_MAX) })),
  domainSetGuestVcpus: remote(372, 'DOMAIN_SET_GUEST_VCPUS', s({ dom, cpumap: str, state: int, flags: uint }), none),
  domainGetGuestInfo: remote(418, 'DOMAIN_GET_GUEST_INFO', s({ dom, types: uint, flags: uint }), s({ params: array(typedParam, DOMAIN_GUEST_INFO_PARAMS_MAX) })),
  domainAgentSetResponseTimeout: remote(420, 'DOMAIN_AGENT_SET_RESPONSE_TIMEOUT', s({ dom, timeout: int, flags: uint }), s({ result: int })),
  domainAuthorizedSshKeysGet: remote(424, 'DOMAIN_AUTHORIZED_SSH_KEYS_GET', s({ dom, user: str, flags: uint }), s({ keys: array(str, DOMAIN_AUTHORIZED_SSH_KEYS_MAX) })),
  domainAuthorizedSshKeysSet: remote(425, 'DOMAIN_AUTHORIZED_SSH_KEYS_SET', s({ dom, user: str, keys: array(str, DOMAIN_AUTHORIZED_SSH_KEYS_MAX), flags: uint }), none),
  domainStartDirtyRateCalc: remote(427, 'DOMAIN_START_DIRTY_RATE_CALC', s({ dom, seconds: int, flags: uint }), none),
};
