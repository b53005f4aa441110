import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Network Filter' commands: names, options and help texts. */
export const nwfilterGroup: CommandGroupSpec = {
  title: 'Network Filter',
  keyword: 'filter',
  commands: [
    {
      name: 'nwfilter-define',
      help: 'define or update a network filter from an XML file',
      desc: 'Define a new network filter or update an existing one.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML network filter description', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'nwfilter-dumpxml',
      help: 'network filter information in XML',
      desc: 'Output the network filter information as an XML dump to stdout.',
      opts: [
        { name: 'nwfilter', type: 'data', required: true, help: 'network filter name or uuid', completer: 'nWFilterName' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'nwfilter-edit',
      help: 'edit XML configuration for a network filter',
      desc: 'Edit the XML configuration for a network filter.',
      opts: [
        { name: 'nwfilter', type: 'data', required: true, help: 'network filter name or uuid', completer: 'nWFilterName' },
      ],
    },
    {
      name: 'nwfilter-list',
      help: 'list network filters',
      desc: 'Returns list of network filters.',
      opts: [],
    },
    {
      name: 'nwfilter-undefine',
      help: 'undefine a network filter',
      desc: 'Undefine a given network filter.',
      opts: [
        { name: 'nwfilter', type: 'data', required: true, help: 'network filter name or uuid', completer: 'nWFilterName' },
      ],
    },
    {
      name: 'nwfilter-binding-create',
      help: 'create a network filter binding from an XML file',
      desc: 'Create a new network filter binding.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing an XML network filter binding description', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'nwfilter-binding-delete',
      help: 'delete a network filter binding',
      desc: 'Delete a given network filter binding.',
      opts: [
        { name: 'binding', type: 'data', required: true, help: 'network filter binding port dev', completer: 'nWFilterBindingName' },
      ],
    },
    {
      name: 'nwfilter-binding-dumpxml',
      help: 'network filter information in XML',
      desc: 'Output the network filter information as an XML dump to stdout.',
      opts: [
        { name: 'binding', type: 'data', required: true, help: 'network filter binding portdev', completer: 'nWFilterBindingName' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'nwfilter-binding-list',
      help: 'list network filter bindings',
      desc: 'Returns list of network filter bindings.',
      opts: [],
    },
  ],
};
