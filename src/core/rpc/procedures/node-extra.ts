import { network as net, optStr, str, typedParam, uuid } from '../types.js';
import type { TypedParam as HostParam } from '../../api/host.js';
import type { NetworkPortHandle } from '../../api/network.js';
import { array, int, mapped, uhyper, uint, type Codec } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_NODE_MAX_CELLS */
const MAX_CELLS = 1024;
const LIST_MAX = 16384;

/** The host API names parameter types (virTypedParameterType 1..7 in this order). */
const HOST_TYPES = ['int', 'uint', 'llong', 'ullong', 'double', 'boolean', 'string'] as const;
export const hostParam: Codec<HostParam> = mapped(
  typedParam,
  (p) => ({ field: p.field, type: HOST_TYPES[p.type - 1], value: p.value }),
  (p) => ({ field: p.field, type: HOST_TYPES.indexOf(p.type) + 1, value: p.value }),
);

/** remote_nonnull_network_port / remote_nonnull_nwfilter_binding */
export const port: Codec<NetworkPortHandle> = mapped(
  s({ net, uuid }),
  (w) => ({ network: w.net, uuid: w.uuid }),
  (p) => ({ net: p.network, uuid: p.uuid }),
);
const binding = s({ portdev: str, filtername: str });
const hvTarget = { emulator: optStr, arch: optStr, machine: optStr, virttype: optStr };

/** Host memory, pages, SEV and hypervisor CPU calls; network ports and network filter bindings. */
export const nodeExtraProcs = {
  nodeSetMemoryParameters: remote(288, 'NODE_SET_MEMORY_PARAMETERS', s({ params: array(hostParam, 64), flags: uint }), none),
  nodeAllocPages: remote(
    347,
    'NODE_ALLOC_PAGES',
    s({ pageSizes: array(uint, MAX_CELLS), pageCounts: array(uhyper, MAX_CELLS), startCell: int, cellCount: uint, flags: uint }),
    s({ ret: int }),
  ),
  connectCompareHypervisorCPU: remote(393, 'CONNECT_COMPARE_HYPERVISOR_CPU', s({ ...hvTarget, xmlCPU: str, flags: uint }), s({ result: int })),
  connectBaselineHypervisorCPU: remote(
    394,
    'CONNECT_BASELINE_HYPERVISOR_CPU',
    s({ ...hvTarget, xmlCPUs: array(str, 256), flags: uint }),
    s({ cpu: str }),
  ),
  nodeGetSEVInfo: remote(395, 'NODE_GET_SEV_INFO', s({ nparams: int, flags: uint }), s({ params: array(hostParam, 64), nparams: int })),

  nwfilterBindingLookupByPortDev: remote(397, 'NWFILTER_BINDING_LOOKUP_BY_PORT_DEV', s({ name: str }), s({ nwfilter: binding })),
  nwfilterBindingGetXMLDesc: remote(398, 'NWFILTER_BINDING_GET_XML_DESC', s({ nwfilter: binding, flags: uint }), s({ xml: str })),
  nwfilterBindingCreateXML: remote(399, 'NWFILTER_BINDING_CREATE_XML', s({ xml: str, flags: uint }), s({ nwfilter: binding })),
  nwfilterBindingDelete: remote(400, 'NWFILTER_BINDING_DELETE', s({ nwfilter: binding }), none),
  connectListAllNWFilterBindings: remote(
    401,
    'CONNECT_LIST_ALL_NWFILTER_BINDINGS',
    s({ need_results: int, flags: uint }),
    s({ bindings: array(binding, LIST_MAX), ret: uint }),
  ),
  networkListAllPorts: remote(404, 'NETWORK_LIST_ALL_PORTS', s({ network: net, need_results: int, flags: uint }), s({ ports: array(port, LIST_MAX), ret: uint })),
  networkPortCreateXML: remote(406, 'NETWORK_PORT_CREATE_XML', s({ network: net, xml: str, flags: uint }), s({ port })),
};
