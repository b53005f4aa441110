import { domain as dom, network as net, optStr, pool, snapshot, str, typedParam, uuid } from '../types.js';
import { array, int, uint } from '../xdr/index.js';
import { port } from './node-extra.js';
import { none, remote, s } from './define.js';

/** REMOTE_DOMAIN_SNAPSHOT_LIST_MAX */
const DOMAIN_SNAPSHOT_LIST_MAX = 16384;
/** REMOTE_DOMAIN_GET_CPU_STATS_MAX */
const DOMAIN_GET_CPU_STATS_MAX = 2048;
/** REMOTE_SECURITY_LABEL_MAX */
const SECURITY_LABEL_MAX = 4097;
/** REMOTE_SECURITY_LABEL_LIST_MAX */
const SECURITY_LABEL_LIST_MAX = 64;
/** REMOTE_DOMAIN_JOB_STATS_MAX */
const DOMAIN_JOB_STATS_MAX = 64;
/** REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX */
const DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX = 64;
/** REMOTE_NETWORK_PORT_PARAMETERS_MAX */
const NETWORK_PORT_PARAMETERS_MAX = 16;
/** REMOTE_CONNECT_IDENTITY_PARAMS_MAX */
const CONNECT_IDENTITY_PARAMS_MAX = 20;
/** REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX */
const DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX = 64;
/** REMOTE_DOMAIN_SAVE_PARAMS_MAX */
const DOMAIN_SAVE_PARAMS_MAX = 64;

/** remote_domain_get_security_label_ret */
const domainGetSecurityLabelRet = s({ label: array(int, SECURITY_LABEL_MAX), enforcing: int });

/** Remaining domain, pool and network-port calls: consoles and channels, graphics, CPU and job stats, labels, lifecycle actions, save/restore parameters. */
export const domainExtraProcs = {
  domainOpenConsole: remote(201, 'DOMAIN_OPEN_CONSOLE', s({ dom, dev_name: optStr, flags: uint }), none, { stream: 'both' }),
  domainIsUpdated: remote(202, 'DOMAIN_IS_UPDATED', s({ dom }), s({ updated: int })),
  domainSnapshotListChildrenNames: remote(247, 'DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES', s({ snap: snapshot, maxnames: int, flags: uint }), s({ names: array(str, DOMAIN_SNAPSHOT_LIST_MAX) })),
  domainOpenGraphics: remote(249, 'DOMAIN_OPEN_GRAPHICS', s({ dom, idx: uint, flags: uint }), none),
  domainGetCpuStats: remote(262, 'DOMAIN_GET_CPU_STATS', s({ dom, nparams: uint, start_cpu: int, ncpus: uint, flags: uint }), s({ params: array(typedParam, DOMAIN_GET_CPU_STATS_MAX), nparams: int })),
  domainGetSecurityLabelList: remote(278, 'DOMAIN_GET_SECURITY_LABEL_LIST', s({ dom }), s({ labels: array(domainGetSecurityLabelRet, SECURITY_LABEL_LIST_MAX), ret: int })),
  domainOpenChannel: remote(296, 'DOMAIN_OPEN_CHANNEL', s({ dom, name: optStr, flags: uint }), none, { stream: 'both' }),
  domainGetJobStats: remote(298, 'DOMAIN_GET_JOB_STATS', s({ dom, flags: uint }), s({ type: int, params: array(typedParam, DOMAIN_JOB_STATS_MAX) })),
  domainSetMemoryStatsPeriod: remote(308, 'DOMAIN_SET_MEMORY_STATS_PERIOD', s({ dom, period: int, flags: uint }), none),
  domainCreateXmlWithFiles: remote(309, 'DOMAIN_CREATE_XML_WITH_FILES', s({ xml_desc: str, flags: uint }), s({ dom })),
  domainCreateWithFiles: remote(310, 'DOMAIN_CREATE_WITH_FILES', s({ dom, flags: uint }), s({ dom })),
  domainOpenGraphicsFd: remote(343, 'DOMAIN_OPEN_GRAPHICS_FD', s({ dom, idx: uint, flags: uint }), none),
  domainSetVcpu: remote(384, 'DOMAIN_SET_VCPU', s({ dom, cpumap: str, state: int, flags: uint }), none),
  domainSetLifecycleAction: remote(390, 'DOMAIN_SET_LIFECYCLE_ACTION', s({ dom, type: uint, action: uint, flags: uint }), none),
  storagePoolLookupByTargetPath: remote(391, 'STORAGE_POOL_LOOKUP_BY_TARGET_PATH', s({ path: str }), s({ pool })),
  domainDetachDeviceAlias: remote(392, 'DOMAIN_DETACH_DEVICE_ALIAS', s({ dom, alias: str, flags: uint }), none),
  domainGetLaunchSecurityInfo: remote(396, 'DOMAIN_GET_LAUNCH_SECURITY_INFO', s({ dom, flags: uint }), s({ params: array(typedParam, DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX) })),
  networkPortLookupByUuid: remote(405, 'NETWORK_PORT_LOOKUP_BY_UUID', s({ network: net, uuid }), s({ port })),
  networkPortGetParameters: remote(407, 'NETWORK_PORT_GET_PARAMETERS', s({ port, nparams: int, flags: uint }), s({ params: array(typedParam, NETWORK_PORT_PARAMETERS_MAX), nparams: int })),
  networkPortSetParameters: remote(408, 'NETWORK_PORT_SET_PARAMETERS', s({ port, params: array(typedParam, NETWORK_PORT_PARAMETERS_MAX), flags: uint }), none),
  networkPortGetXmlDesc: remote(409, 'NETWORK_PORT_GET_XML_DESC', s({ port, flags: uint }), s({ xml: str })),
  networkPortDelete: remote(410, 'NETWORK_PORT_DELETE', s({ port, flags: uint }), none),
  connectSetIdentity: remote(419, 'CONNECT_SET_IDENTITY', s({ params: array(typedParam, CONNECT_IDENTITY_PARAMS_MAX), flags: uint }), none),
  domainSetLaunchSecurityState: remote(439, 'DOMAIN_SET_LAUNCH_SECURITY_STATE', s({ dom, params: array(typedParam, DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX), flags: uint }), none),
  domainSaveParams: remote(440, 'DOMAIN_SAVE_PARAMS', s({ dom, params: array(typedParam, DOMAIN_SAVE_PARAMS_MAX), flags: uint }), none),
  domainRestoreParams: remote(441, 'DOMAIN_RESTORE_PARAMS', s({ params: array(typedParam, DOMAIN_SAVE_PARAMS_MAX), flags: uint }), none),
  domainFdAssociate: remote(443, 'DOMAIN_FD_ASSOCIATE', s({ dom, name: str, flags: uint }), none),
};
