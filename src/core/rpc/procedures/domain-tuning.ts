import { domain as dom, optStr, str, typedParam } from '../types.js';
import { array, int, opaque, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_DOMAIN_{SCHEDULER,MEMORY,BLKIO}_PARAMETERS_MAX */
const PARAMS_MAX = 16;
/** REMOTE_CPUMAPS_MAX / REMOTE_CPUMAP_MAX */
const CPUMAPS_MAX = 8388608;
const CPUMAP_MAX = 2048;

const params = array(typedParam, PARAMS_MAX);
const countedParams = s({ params, nparams: int });
const domCounted = s({ dom, nparams: int, flags: uint });

const ipAddr = s({ type: int, addr: str, prefix: uint });
const domainInterface = s({ name: str, hwaddr: optStr, addrs: array(ipAddr, 2048) });

/** Scheduler, memory and blkio tuning, pinning and per-device queries of a domain; backups. */
export const domainTuningProcs = {
  domainGetSchedulerParameters: remote(57, 'DOMAIN_GET_SCHEDULER_PARAMETERS', s({ dom, nparams: int }), s({ params })),
  domainSetSchedulerParameters: remote(58, 'DOMAIN_SET_SCHEDULER_PARAMETERS', s({ dom, params }), none),
  domainSetSchedulerParametersFlags: remote(219, 'DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS', s({ dom, params, flags: uint }), none),
  domainGetSchedulerParametersFlags: remote(223, 'DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS', domCounted, s({ params })),
  domainGetMemoryParameters: remote(198, 'DOMAIN_GET_MEMORY_PARAMETERS', domCounted, countedParams),
  domainGetBlkioParameters: remote(206, 'DOMAIN_GET_BLKIO_PARAMETERS', domCounted, countedParams),
  domainGetVcpuPinInfo: remote(
    230,
    'DOMAIN_GET_VCPU_PIN_INFO',
    s({ dom, ncpumaps: int, maplen: int, flags: uint }),
    s({ cpumaps: opaque(CPUMAPS_MAX), num: int }),
  ),
  domainGetEmulatorPinInfo: remote(280, 'DOMAIN_GET_EMULATOR_PIN_INFO', s({ dom, maplen: int, flags: uint }), s({ cpumaps: opaque(CPUMAPS_MAX), ret: int })),
  domainGetDiskErrors: remote(
    263,
    'DOMAIN_GET_DISK_ERRORS',
    s({ dom, maxerrors: uint, flags: uint }),
    s({ errors: array(s({ disk: str, error: int }), 256), nerrors: int }),
  ),
  domainGetIOThreadInfo: remote(
    351,
    'DOMAIN_GET_IOTHREAD_INFO',
    s({ dom, flags: uint }),
    s({ info: array(s({ iothread_id: uint, cpumap: opaque(CPUMAP_MAX) }), 16384), ret: uint }),
  ),
  domainInterfaceAddresses: remote(353, 'DOMAIN_INTERFACE_ADDRESSES', s({ dom, source: uint, flags: uint }), s({ ifaces: array(domainInterface, 2048) })),
  domainBackupBegin: remote(421, 'DOMAIN_BACKUP_BEGIN', s({ dom, backup_xml: str, checkpoint_xml: optStr, flags: uint }), none),
  domainBackupGetXMLDesc: remote(422, 'DOMAIN_BACKUP_GET_XML_DESC', s({ dom, flags: uint }), s({ xml: str })),
};
