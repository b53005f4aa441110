import { domain as dom, optStr, str, typedParam } from '../types.js';
import { array, int, opaque, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_CPUMAP_MAX */
const cpumap = opaque(2048);
const params = (max: number) => array(typedParam, max);
const setParams = (max: number) => s({ dom, params: params(max), flags: uint });
const counted = (max: number) => s({ params: params(max), nparams: int });

/** Domain tuning setters, the remaining typed-parameter getters, pinning and IOThreads. */
export const domainTuneSetProcs = {
  domainPinVcpu: remote(26, 'DOMAIN_PIN_VCPU', s({ dom, vcpu: uint, cpumap }), none),
  domainSetVcpus: remote(32, 'DOMAIN_SET_VCPUS', s({ dom, nvcpus: uint }), none),
  domainSetMemoryParameters: remote(197, 'DOMAIN_SET_MEMORY_PARAMETERS', setParams(16), none),
  domainSetBlkioParameters: remote(205, 'DOMAIN_SET_BLKIO_PARAMETERS', setParams(16), none),
  domainPinVcpuFlags: remote(225, 'DOMAIN_PIN_VCPU_FLAGS', s({ dom, vcpu: uint, cpumap, flags: uint }), none),
  domainSetBlockIoTune: remote(252, 'DOMAIN_SET_BLOCK_IO_TUNE', s({ dom, disk: str, params: params(32), flags: uint }), none),
  domainGetBlockIoTune: remote(253, 'DOMAIN_GET_BLOCK_IO_TUNE', s({ dom, disk: optStr, nparams: int, flags: uint }), counted(32)),
  domainSetNumaParameters: remote(254, 'DOMAIN_SET_NUMA_PARAMETERS', setParams(16), none),
  domainGetNumaParameters: remote(255, 'DOMAIN_GET_NUMA_PARAMETERS', s({ dom, nparams: int, flags: uint }), counted(16)),
  domainSetInterfaceParameters: remote(256, 'DOMAIN_SET_INTERFACE_PARAMETERS', s({ dom, device: str, params: params(16), flags: uint }), none),
  domainGetInterfaceParameters: remote(257, 'DOMAIN_GET_INTERFACE_PARAMETERS', s({ dom, device: str, nparams: int, flags: uint }), counted(16)),
  domainPinEmulator: remote(279, 'DOMAIN_PIN_EMULATOR', s({ dom, cpumap, flags: uint }), none),
  domainPinIOThread: remote(352, 'DOMAIN_PIN_IOTHREAD', s({ dom, iothreads_id: uint, cpumap, flags: uint }), none),
  domainAddIOThread: remote(355, 'DOMAIN_ADD_IOTHREAD', s({ dom, iothread_id: uint, flags: uint }), none),
  domainDelIOThread: remote(356, 'DOMAIN_DEL_IOTHREAD', s({ dom, iothread_id: uint, flags: uint }), none),
  domainGetPerfEvents: remote(365, 'DOMAIN_GET_PERF_EVENTS', s({ dom, flags: uint }), s({ params: params(64) })),
  domainSetPerfEvents: remote(366, 'DOMAIN_SET_PERF_EVENTS', setParams(64), none),
  domainSetIOThreadParams: remote(402, 'DOMAIN_SET_IOTHREAD_PARAMS', s({ dom, iothread_id: uint, params: params(64), flags: uint }), none),
};
