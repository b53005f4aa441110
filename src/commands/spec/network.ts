import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Networking' commands: names, options and help texts. */
export const networkGroup: CommandGroupSpec = {
  title: 'Networking',
  keyword: 'network',
  commands: [
    {
      name: 'net-autostart',
      help: 'autostart a network',
      desc: 'Configure a network to be automatically started at boot.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_PERSISTENT' },
        { name: 'disable', type: 'bool', help: 'disable autostarting' },
      ],
    },
    {
      name: 'net-create',
      help: 'create a network from an XML file',
      desc: 'Create a network.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML network description', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'net-define',
      help: 'define an inactive persistent virtual network or modify an existing persistent one from an XML file',
      desc: 'Define or modify a persistent virtual network.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML network description', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'net-destroy',
      help: 'destroy (stop) a network',
      desc: 'Forcefully stop a given network.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_ACTIVE' },
      ],
    },
    {
      name: 'net-dhcp-leases',
      help: 'print lease info for a given network',
      desc: 'Print lease info for a given network',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_ACTIVE' },
        { name: 'mac', type: 'string', help: 'MAC address', completer: 'networkDhcpMac' },
      ],
    },
    {
      name: 'net-dumpxml',
      help: 'network information in XML',
      desc: 'Output the network information as an XML dump to stdout.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName' },
        { name: 'inactive', type: 'bool', help: 'show inactive defined XML' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'net-edit',
      help: 'edit XML configuration for a network',
      desc: 'Edit the XML configuration for a network.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName' },
      ],
    },
    {
      name: 'net-event',
      help: 'Network Events',
      desc: 'List event types, or wait for network events to occur',
      opts: [
        { name: 'network', type: 'string', help: 'filter by network name or uuid', completer: 'networkName' },
        { name: 'event', type: 'string', help: 'which event type to wait for', completer: 'networkEventName' },
        { name: 'loop', type: 'bool', help: 'loop until timeout or interrupt, rather than one-shot' },
        { name: 'timeout', type: 'int', help: 'timeout seconds' },
        { name: 'list', type: 'bool', help: 'list valid event types' },
        { name: 'timestamp', type: 'bool', help: 'show timestamp for each printed event' },
      ],
    },
    {
      name: 'net-info',
      help: 'network information',
      desc: 'Returns basic information about the network',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName' },
      ],
    },
    {
      name: 'net-list',
      help: 'list networks',
      desc: 'Returns list of networks.',
      opts: [
        { name: 'inactive', type: 'bool', help: 'list inactive networks' },
        { name: 'all', type: 'bool', help: 'list inactive & active networks' },
        { name: 'persistent', type: 'bool', help: 'list persistent networks' },
        { name: 'transient', type: 'bool', help: 'list transient networks' },
        { name: 'autostart', type: 'bool', help: 'list networks with autostart enabled' },
        { name: 'no-autostart', type: 'bool', help: 'list networks with autostart disabled' },
        { name: 'uuid', type: 'bool', help: 'list uuid\'s only' },
        { name: 'name', type: 'bool', help: 'list network names only' },
        { name: 'table', type: 'bool', help: 'list table (default)' },
      ],
    },
    {
      name: 'net-name',
      help: 'convert a network UUID to network name',
      desc: '',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network uuid', completer: 'networkUUID' },
      ],
    },
    {
      name: 'net-start',
      help: 'start a (previously defined) inactive network',
      desc: 'Start a network.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_INACTIVE' },
      ],
    },
    {
      name: 'net-undefine',
      help: 'undefine a persistent network',
      desc: 'Undefine the configuration for a persistent network.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_PERSISTENT' },
      ],
    },
    {
      name: 'net-update',
      help: 'update parts of an existing network\'s configuration',
      desc: '',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName' },
        { name: 'command', type: 'data', required: true, help: 'type of update (add-first, add-last (add), delete, or modify)', completer: 'networkUpdateCommand' },
        { name: 'section', type: 'data', required: true, help: 'which section of network configuration to update', completer: 'networkUpdateSection' },
        { name: 'xml', type: 'data', required: true, help: 'name of file containing xml (or, if it starts with \'<\', the complete xml element itself) to add/modify, or to be matched for search', completer: 'pathLocalExisting' },
        { name: 'parent-index', type: 'int', help: 'which parent object to search through' },
        { name: 'config', type: 'bool', help: 'affect next network startup' },
        { name: 'live', type: 'bool', help: 'affect running network' },
        { name: 'current', type: 'bool', help: 'affect current state of network' },
      ],
    },
    {
      name: 'net-uuid',
      help: 'convert a network name to network UUID',
      desc: '',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name', completer: 'networkName' },
      ],
    },
    {
      name: 'net-port-list',
      help: 'list network ports',
      desc: 'Returns list of network ports.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_ACTIVE' },
        { name: 'uuid', type: 'bool', help: 'list uuid\'s only' },
        { name: 'table', type: 'bool', help: 'list table (default)' },
      ],
    },
    {
      name: 'net-port-create',
      help: 'create a network port from an XML file',
      desc: 'Create a network port.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_ACTIVE' },
        { name: 'file', type: 'data', required: true, help: 'file containing an XML network port description', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'net-port-dumpxml',
      help: 'network port information in XML',
      desc: 'Output the network port information as an XML dump to stdout.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_ACTIVE' },
        { name: 'port', type: 'data', required: true, help: 'port UUID', completer: 'networkPortUUID' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'net-port-delete',
      help: 'delete the specified network port',
      desc: 'Delete the specified network port.',
      opts: [
        { name: 'network', type: 'data', required: true, help: 'network name or uuid', completer: 'networkName', completerFlags: 'VIR_CONNECT_LIST_NETWORKS_ACTIVE' },
        { name: 'port', type: 'data', required: true, help: 'port UUID', completer: 'networkPortUUID' },
      ],
    },
  ],
};
