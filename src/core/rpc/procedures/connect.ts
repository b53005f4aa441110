import { optStr, str } from '../types.js';
import { array, bool, enumeration, fixedArray, int, opaque, uhyper, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';
import { hostParam } from './node-extra.js';

/** 4-byte-per-character arrays (XDR `char x<N>`), as the security model calls carry text. */
export const charArray = (max: number) => array(int, max);

const authType = enumeration([0, 1, 2]);
const nodeStat = s({ field: str, value: uhyper });

/** Connection, authentication and host (virConnect* / virNode*) procedures. */
export const connectProcs = {
  connectOpen: remote(1, 'CONNECT_OPEN', s({ name: optStr, flags: uint }), none),
  connectClose: remote(2, 'CONNECT_CLOSE', none, none),
  connectGetType: remote(3, 'CONNECT_GET_TYPE', none, s({ type: str })),
  connectGetVersion: remote(4, 'CONNECT_GET_VERSION', none, s({ hv_ver: uhyper })),
  connectGetMaxVcpus: remote(5, 'CONNECT_GET_MAX_VCPUS', s({ type: optStr }), s({ max_vcpus: int })),
  nodeGetInfo: remote(
    6,
    'NODE_GET_INFO',
    none,
    s({
      model: fixedArray(int, 32),
      memory: uhyper,
      cpus: int,
      mhz: int,
      nodes: int,
      sockets: int,
      cores: int,
      threads: int,
    }),
  ),
  connectGetCapabilities: remote(7, 'CONNECT_GET_CAPABILITIES', none, s({ capabilities: str })),
  connectGetHostname: remote(59, 'CONNECT_GET_HOSTNAME', none, s({ hostname: str })),
  connectSupportsFeature: remote(60, 'CONNECT_SUPPORTS_FEATURE', s({ feature: int }), s({ supported: bool })),
  authList: remote(66, 'AUTH_LIST', none, s({ types: array(authType, 20) })),
  authSaslInit: remote(67, 'AUTH_SASL_INIT', none, s({ mechlist: str })),
  authPolkit: remote(70, 'AUTH_POLKIT', none, s({ complete: int })),
  nodeGetCellsFreeMemory: remote(101, 'NODE_GET_CELLS_FREE_MEMORY', s({ startCell: int, maxcells: int }), s({ cells: array(uhyper, 1024) })),
  nodeGetFreeMemory: remote(102, 'NODE_GET_FREE_MEMORY', none, s({ freeMem: uhyper })),
  connectGetURI: remote(110, 'CONNECT_GET_URI', none, s({ uri: str })),
  nodeGetSecurityModel: remote(122, 'NODE_GET_SECURITY_MODEL', none, s({ model: charArray(257), doi: charArray(257) })),
  connectIsSecure: remote(149, 'CONNECT_IS_SECURE', none, s({ secure: int })),
  connectGetLibVersion: remote(157, 'CONNECT_GET_LIB_VERSION', none, s({ lib_ver: uhyper })),
  connectCompareCPU: remote(158, 'CONNECT_COMPARE_CPU', s({ xml: str, flags: uint }), s({ result: int })),
  connectBaselineCPU: remote(162, 'CONNECT_BASELINE_CPU', s({ xmlCPUs: array(str, 256), flags: uint }), s({ cpu: str })),
  connectGetSysinfo: remote(203, 'CONNECT_GET_SYSINFO', s({ flags: uint }), s({ sysinfo: str })),
  nodeGetCPUStats: remote(
    227,
    'NODE_GET_CPU_STATS',
    s({ cpuNum: int, nparams: int, flags: uint }),
    s({ params: array(nodeStat, 16), nparams: int }),
  ),
  nodeGetMemoryStats: remote(
    228,
    'NODE_GET_MEMORY_STATS',
    s({ nparams: int, cellNum: int, flags: uint }),
    s({ params: array(nodeStat, 16), nparams: int }),
  ),
  nodeGetMemoryParameters: remote(289, 'NODE_GET_MEMORY_PARAMETERS', s({ nparams: int, flags: uint }), s({ params: array(hostParam, 64), nparams: int })),
  nodeGetCPUMap: remote(
    293,
    'NODE_GET_CPU_MAP',
    s({ need_map: int, need_online: int, flags: uint }),
    s({ cpumap: opaque(2048), online: uint, ret: int }),
  ),
  connectGetCPUModelNames: remote(312, 'CONNECT_GET_CPU_MODEL_NAMES', s({ arch: str, need_results: int, flags: uint }), s({ models: array(str, 8192), ret: int })),
  nodeGetFreePages: remote(
    340,
    'NODE_GET_FREE_PAGES',
    s({ pages: array(uint, 1024), startCell: int, cellCount: uint, flags: uint }),
    s({ counts: array(uhyper, 1024) }),
  ),
  connectGetDomainCapabilities: remote(
    342,
    'CONNECT_GET_DOMAIN_CAPABILITIES',
    s({ emulatorbin: optStr, arch: optStr, machine: optStr, virttype: optStr, flags: uint }),
    s({ capabilities: str }),
  ),
  connectRegisterCloseCallback: remote(360, 'CONNECT_REGISTER_CLOSE_CALLBACK', none, none),
  connectUnregisterCloseCallback: remote(361, 'CONNECT_UNREGISTER_CLOSE_CALLBACK', none, none),
  nodeSuspendForDuration: remote(250, 'NODE_SUSPEND_FOR_DURATION', s({ target: uint, duration: uhyper, flags: uint }), none),
  connectDomainXMLFromNative: remote(135, 'CONNECT_DOMAIN_XML_FROM_NATIVE', s({ nativeFormat: str, nativeConfig: str, flags: uint }), s({ domainXml: str })),
  connectDomainXMLToNative: remote(136, 'CONNECT_DOMAIN_XML_TO_NATIVE', s({ nativeFormat: str, domainXml: str, flags: uint }), s({ nativeConfig: str })),
};
