import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Node Device' commands: names, options and help texts. */
export const nodedevGroup: CommandGroupSpec = {
  title: 'Node Device',
  keyword: 'nodedev',
  commands: [
    {
      name: 'nodedev-create',
      help: 'create a device defined by an XML file on the node',
      desc: 'Create a device on the node.  Note that this command creates devices on the physical host that can then be assigned to a virtual machine.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML description of the device', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'nodedev-destroy',
      help: 'destroy (stop) a device on the node',
      desc: 'Destroy a device on the node.  Note that this command destroys devices on the physical host',
      opts: [
        { name: 'name', type: 'alias', alias: 'device' },
        { name: 'device', type: 'data', required: true, help: 'device name or wwn pair in \'wwnn,wwpn\' format', completer: 'nodeDeviceName' },
      ],
    },
    {
      name: 'nodedev-detach',
      help: 'detach node device from its device driver',
      desc: 'Detach node device from its device driver before assigning to a domain.',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device key', completer: 'nodeDeviceName' },
        { name: 'driver', type: 'string', help: 'pci device assignment backend driver (e.g. \'vfio\' or \'xen\')', completer: 'nodeDevicePCIBackend' },
      ],
    },
    {
      name: 'nodedev-dettach',
      aliasOf: 'nodedev-detach',
      help: '',
      desc: '',
      opts: [],
    },
    {
      name: 'nodedev-dumpxml',
      help: 'node device details in XML',
      desc: 'Output the node device details as an XML dump to stdout.',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device name or wwn pair in \'wwnn,wwpn\' format', completer: 'nodeDeviceName' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'nodedev-list',
      help: 'enumerate devices on this host',
      desc: '',
      opts: [
        { name: 'tree', type: 'bool', help: 'list devices in a tree' },
        { name: 'cap', type: 'string', help: 'capability names, separated by comma', completer: 'nodeDeviceCapabilityName' },
        { name: 'inactive', type: 'bool', help: 'list inactive devices' },
        { name: 'all', type: 'bool', help: 'list inactive & active devices' },
      ],
    },
    {
      name: 'nodedev-reattach',
      help: 'reattach node device to its device driver',
      desc: 'Reattach node device to its device driver once released by the domain.',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device key', completer: 'nodeDeviceName' },
      ],
    },
    {
      name: 'nodedev-reset',
      help: 'reset node device',
      desc: 'Reset node device before or after assigning to a domain.',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device key', completer: 'nodeDeviceName' },
      ],
    },
    {
      name: 'nodedev-event',
      help: 'Node Device Events',
      desc: 'List event types, or wait for node device events to occur',
      opts: [
        { name: 'device', type: 'string', help: 'filter by node device name', completer: 'nodeDeviceName' },
        { name: 'event', type: 'string', help: 'which event type to wait for', completer: 'nodeDeviceEventName' },
        { name: 'loop', type: 'bool', help: 'loop until timeout or interrupt, rather than one-shot' },
        { name: 'timeout', type: 'int', help: 'timeout seconds' },
        { name: 'list', type: 'bool', help: 'list valid event types' },
        { name: 'timestamp', type: 'bool', help: 'show timestamp for each printed event' },
      ],
    },
    {
      name: 'nodedev-define',
      help: 'Define a device by an xml file on a node',
      desc: 'Defines a persistent device on the node that can be assigned to a domain. The device must be started before it can be assigned to a domain.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML description of the device', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'nodedev-undefine',
      help: 'Undefine an inactive node device',
      desc: 'Undefines the configuration for an inactive node device',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device name or wwn pair in \'wwnn,wwpn\' format', completer: 'nodeDeviceName' },
      ],
    },
    {
      name: 'nodedev-start',
      help: 'Start an inactive node device',
      desc: 'Starts an inactive node device that was previously defined',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device name', completer: 'nodeDeviceName' },
      ],
    },
    {
      name: 'nodedev-autostart',
      help: 'autostart a defined node device',
      desc: 'Configure a node device to be automatically started at boot.',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device name or wwn pair in \'wwnn,wwpn\' format', completer: 'nodeDeviceName' },
        { name: 'disable', type: 'bool', help: 'disable autostarting' },
      ],
    },
    {
      name: 'nodedev-info',
      help: 'node device information',
      desc: 'Returns basic information about the node device',
      opts: [
        { name: 'device', type: 'data', required: true, help: 'device name or wwn pair in \'wwnn,wwpn\' format', completer: 'nodeDeviceName' },
      ],
    },
  ],
};
