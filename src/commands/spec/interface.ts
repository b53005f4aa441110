import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Interface' commands: names, options and help texts. */
export const interfaceGroup: CommandGroupSpec = {
  title: 'Interface',
  keyword: 'interface',
  commands: [
    {
      name: 'iface-begin',
      help: 'create a snapshot of current interfaces settings, which can be later committed (iface-commit) or restored (iface-rollback)',
      desc: 'Create a restore point for interfaces settings',
      opts: [],
    },
    {
      name: 'iface-bridge',
      help: 'create a bridge device and attach an existing network device to it',
      desc: 'bridge an existing network device',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'existing interface name', completer: 'interfaceName' },
        { name: 'bridge', type: 'data', required: true, help: 'new bridge device name' },
        { name: 'no-stp', type: 'bool', help: 'do not enable STP for this bridge' },
        { name: 'delay', type: 'int', help: 'number of seconds to squelch traffic on newly connected ports' },
        { name: 'no-start', type: 'bool', help: 'don\'t start the bridge immediately' },
      ],
    },
    {
      name: 'iface-commit',
      help: 'commit changes made since iface-begin and free restore point',
      desc: 'commit changes and free restore point',
      opts: [],
    },
    {
      name: 'iface-define',
      help: 'define an inactive persistent physical host interface or modify an existing persistent one from an XML file',
      desc: 'Define or modify a persistent physical host interface.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML interface description', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'iface-destroy',
      help: 'destroy a physical host interface (disable it / "if-down")',
      desc: 'forcefully stop a physical host interface.',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface name or MAC address', completer: 'interfaceName', completerFlags: 'VIR_CONNECT_LIST_INTERFACES_ACTIVE' },
      ],
    },
    {
      name: 'iface-dumpxml',
      help: 'interface information in XML',
      desc: 'Output the physical host interface information as an XML dump to stdout.',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface name or MAC address', completer: 'interfaceName' },
        { name: 'inactive', type: 'bool', help: 'show inactive defined XML' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'iface-edit',
      help: 'edit XML configuration for a physical host interface',
      desc: 'Edit the XML configuration for a physical host interface.',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface name or MAC address', completer: 'interfaceName' },
      ],
    },
    {
      name: 'iface-list',
      help: 'list physical host interfaces',
      desc: 'Returns list of physical host interfaces.',
      opts: [
        { name: 'inactive', type: 'bool', help: 'list inactive interfaces' },
        { name: 'all', type: 'bool', help: 'list inactive & active interfaces' },
      ],
    },
    {
      name: 'iface-mac',
      help: 'convert an interface name to interface MAC address',
      desc: '',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface name', completer: 'interfaceName' },
      ],
    },
    {
      name: 'iface-name',
      help: 'convert an interface MAC address to interface name',
      desc: '',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface mac', completer: 'interfaceMac' },
      ],
    },
    {
      name: 'iface-rollback',
      help: 'rollback to previous saved configuration created via iface-begin',
      desc: 'rollback to previous restore point',
      opts: [],
    },
    {
      name: 'iface-start',
      help: 'start a physical host interface (enable it / "if-up")',
      desc: 'start a physical host interface.',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface name or MAC address', completer: 'interfaceName', completerFlags: 'VIR_CONNECT_LIST_INTERFACES_INACTIVE' },
      ],
    },
    {
      name: 'iface-unbridge',
      help: 'undefine a bridge device after detaching its device(s)',
      desc: 'unbridge a network device',
      opts: [
        { name: 'bridge', type: 'data', required: true, help: 'current bridge device name' },
        { name: 'no-start', type: 'bool', help: 'don\'t start the detached interface immediately (not recommended)' },
      ],
    },
    {
      name: 'iface-undefine',
      help: 'undefine a physical host interface (remove it from configuration)',
      desc: 'undefine an interface.',
      opts: [
        { name: 'interface', type: 'data', required: true, help: 'interface name or MAC address', completer: 'interfaceName' },
      ],
    },
  ],
};
