import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Host and Hypervisor' commands: names, options and help texts. */
export const hostGroup: CommandGroupSpec = {
  title: 'Host and Hypervisor',
  keyword: 'host',
  commands: [
    {
      name: 'allocpages',
      help: 'Manipulate pages pool size',
      desc: 'Allocate or free some pages in the pool for NUMA cell.',
      opts: [
        { name: 'pagesize', type: 'int', required: true, help: 'page size (in kibibytes)', completer: 'allocpagesPagesize' },
        { name: 'pagecount', type: 'int', required: true, help: 'page count' },
        { name: 'cellno', type: 'int', help: 'NUMA cell number', completer: 'cellno' },
        { name: 'add', type: 'bool', help: 'instead of setting new pool size add pages to it' },
        { name: 'all', type: 'bool', help: 'set on all NUMA cells' },
      ],
    },
    {
      name: 'capabilities',
      help: 'capabilities',
      desc: 'Returns capabilities of hypervisor/driver.',
      opts: [],
    },
    {
      name: 'cpu-baseline',
      help: 'compute baseline CPU',
      desc: 'Compute baseline CPU for a set of given CPUs.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing XML CPU descriptions', completer: 'pathLocalExisting' },
        { name: 'features', type: 'bool', help: 'Show features that are part of the CPU model type' },
        { name: 'migratable', type: 'bool', help: 'Do not include features that block migration' },
      ],
    },
    {
      name: 'cpu-compare',
      help: 'compare host CPU with a CPU described by an XML file',
      desc: 'compare CPU with host CPU',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML CPU description', completer: 'pathLocalExisting' },
        { name: 'error', type: 'bool', help: 'report error if CPUs are incompatible' },
        { name: 'validate', type: 'bool', help: 'validate the XML document against schema' },
      ],
    },
    {
      name: 'cpu-models',
      help: 'CPU models',
      desc: 'Get the CPU models for an arch.',
      opts: [
        { name: 'arch', type: 'data', required: true, help: 'architecture', completer: 'arch' },
      ],
    },
    {
      name: 'domcapabilities',
      help: 'domain capabilities',
      desc: 'Returns capabilities of emulator with respect to host and libvirt.',
      opts: [
        { name: 'virttype', type: 'string', help: 'virtualization type (/domain/@type)', completer: 'domainVirtType' },
        { name: 'emulatorbin', type: 'string', help: 'path to emulator binary (/domain/devices/emulator)' },
        { name: 'arch', type: 'string', help: 'domain architecture (/domain/os/type/@arch)', completer: 'arch' },
        { name: 'machine', type: 'string', help: 'machine type (/domain/os/type/@machine)' },
      ],
    },
    {
      name: 'freecell',
      help: 'NUMA free memory',
      desc: 'display available free memory for the NUMA cell.',
      opts: [
        { name: 'cellno', type: 'int', help: 'NUMA cell number', completer: 'cellno' },
        { name: 'all', type: 'bool', help: 'show free memory for all NUMA cells' },
      ],
    },
    {
      name: 'freepages',
      help: 'NUMA free pages',
      desc: 'display available free pages for the NUMA cell.',
      opts: [
        { name: 'cellno', type: 'int', help: 'NUMA cell number', completer: 'cellno' },
        { name: 'pagesize', type: 'int', help: 'page size (in kibibytes)', completer: 'allocpagesPagesize' },
        { name: 'all', type: 'bool', help: 'show free pages for all NUMA cells' },
      ],
    },
    {
      name: 'hostname',
      help: 'print the hypervisor hostname',
      desc: '',
      opts: [],
    },
    {
      name: 'hypervisor-cpu-baseline',
      help: 'compute baseline CPU usable by a specific hypervisor',
      desc: 'Compute baseline CPU for a set of given CPUs. The result will be tailored to the specified hypervisor.',
      opts: [
        { name: 'file', type: 'string', help: 'file containing XML CPU descriptions', completer: 'pathLocalExisting' },
        { name: 'virttype', type: 'string', help: 'virtualization type (/domain/@type)', completer: 'domainVirtType' },
        { name: 'emulator', type: 'string', help: 'path to emulator binary (/domain/devices/emulator)' },
        { name: 'arch', type: 'string', help: 'CPU architecture (/domain/os/type/@arch)', completer: 'arch' },
        { name: 'machine', type: 'string', help: 'machine type (/domain/os/type/@machine)' },
        { name: 'features', type: 'bool', help: 'Show features that are part of the CPU model type' },
        { name: 'migratable', type: 'bool', help: 'Do not include features that block migration' },
        { name: 'model', type: 'string', help: 'Shortcut for calling the command with a single CPU model and no additional features', completer: 'cPUModel' },
      ],
    },
    {
      name: 'hypervisor-cpu-compare',
      help: 'compare a CPU with the CPU created by a hypervisor on the host',
      desc: 'compare CPU with hypervisor CPU',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML CPU description', completer: 'pathLocalExisting' },
        { name: 'virttype', type: 'string', help: 'virtualization type (/domain/@type)', completer: 'domainVirtType' },
        { name: 'emulator', type: 'string', help: 'path to emulator binary (/domain/devices/emulator)' },
        { name: 'arch', type: 'string', help: 'CPU architecture (/domain/os/type/@arch)', completer: 'arch' },
        { name: 'machine', type: 'string', help: 'machine type (/domain/os/type/@machine)' },
        { name: 'error', type: 'bool', help: 'report error if CPUs are incompatible' },
        { name: 'validate', type: 'bool', help: 'validate the XML document against schema' },
      ],
    },
    {
      name: 'maxvcpus',
      help: 'connection vcpu maximum',
      desc: 'Show maximum number of virtual CPUs for guests on this connection.',
      opts: [
        { name: 'type', type: 'string', help: 'domain type', completer: 'domainVirtType' },
      ],
    },
    {
      name: 'node-memory-tune',
      help: 'Get or set node memory parameters',
      desc: 'Get or set node memory parameters\n    To get the memory parameters, use following command: \n\n    virsh # node-memory-tune',
      opts: [
        { name: 'shm-pages-to-scan', type: 'int', help: 'number of pages to scan before the shared memory service goes to sleep' },
        { name: 'shm-sleep-millisecs', type: 'int', help: 'number of millisecs the shared memory service should sleep before next scan' },
        { name: 'shm-merge-across-nodes', type: 'int', help: 'Specifies if pages from different numa nodes can be merged' },
      ],
    },
    {
      name: 'nodecpumap',
      help: 'node cpu map',
      desc: 'Displays the node\'s total number of CPUs, the number of online CPUs and the list of online CPUs.',
      opts: [
        { name: 'pretty', type: 'bool', help: 'return human readable output' },
      ],
    },
    {
      name: 'nodecpustats',
      help: 'Prints cpu stats of the node.',
      desc: 'Returns cpu stats of the node, in nanoseconds.',
      opts: [
        { name: 'cpu', type: 'int', help: 'prints specified cpu statistics only.', completer: 'nodeCpu' },
        { name: 'percent', type: 'bool', help: 'prints by percentage during 1 second.' },
      ],
    },
    {
      name: 'nodeinfo',
      help: 'node information',
      desc: 'Returns basic information about the node.',
      opts: [],
    },
    {
      name: 'nodememstats',
      help: 'Prints memory stats of the node.',
      desc: 'Returns memory stats of the node, in kilobytes.',
      opts: [
        { name: 'cell', type: 'int', help: 'prints specified cell statistics only.' },
      ],
    },
    {
      name: 'nodesevinfo',
      help: 'node SEV information',
      desc: 'Returns basic SEV information about the node.',
      opts: [],
    },
    {
      name: 'nodesuspend',
      help: 'suspend the host node for a given time duration',
      desc: 'Suspend the host node for a given time duration and attempt to resume thereafter.',
      opts: [
        { name: 'target', type: 'data', required: true, help: 'mem(Suspend-to-RAM), disk(Suspend-to-Disk), hybrid(Hybrid-Suspend)', completer: 'nodeSuspendTarget' },
        { name: 'duration', type: 'int', required: true, help: 'Suspend duration in seconds, at least 60' },
      ],
    },
    {
      name: 'sysinfo',
      help: 'print the hypervisor sysinfo',
      desc: 'output an XML string for the hypervisor sysinfo, if available',
      opts: [],
    },
    {
      name: 'uri',
      help: 'print the hypervisor canonical URI',
      desc: '',
      opts: [],
    },
    {
      name: 'version',
      help: 'show version',
      desc: 'Display the system version information.',
      opts: [
        { name: 'daemon', type: 'bool', help: 'report daemon version too' },
      ],
    },
  ],
};
