import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Checkpoint' commands: names, options and help texts. */
export const checkpointGroup: CommandGroupSpec = {
  title: 'Checkpoint',
  keyword: 'checkpoint',
  commands: [
    {
      name: 'checkpoint-create',
      help: 'Create a checkpoint from XML',
      desc: 'Create a checkpoint from XML for use in future incremental backups',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_ACTIVE' },
        { name: 'xmlfile', type: 'string', help: 'domain checkpoint XML', completer: 'pathLocalExisting' },
        { name: 'redefine', type: 'bool', help: 'redefine metadata for existing checkpoint' },
        { name: 'redefine-validate', type: 'bool', help: 'validate the redefined checkpoint' },
        { name: 'quiesce', type: 'bool', help: 'quiesce guest\'s file systems' },
      ],
    },
    {
      name: 'checkpoint-create-as',
      help: 'Create a checkpoint from a set of args',
      desc: 'Create a checkpoint from arguments for use in future incremental backups',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_ACTIVE' },
        { name: 'name', type: 'string', help: 'name of checkpoint', completer: 'empty' },
        { name: 'description', type: 'string', help: 'description of checkpoint', completer: 'empty' },
        { name: 'print-xml', type: 'bool', help: 'print XML document rather than create' },
        { name: 'quiesce', type: 'bool', help: 'quiesce guest\'s file systems' },
        { name: 'diskspec', type: 'argv', help: 'disk attributes: disk[,checkpoint=type][,bitmap=name]' },
      ],
    },
    {
      name: 'checkpoint-delete',
      help: 'Delete a domain checkpoint',
      desc: 'Checkpoint Delete',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT | VIR_CONNECT_LIST_DOMAINS_ACTIVE' },
        { name: 'checkpointname', type: 'string', help: 'checkpoint name', completer: 'checkpointName' },
        { name: 'children', type: 'bool', help: 'delete checkpoint and all children' },
        { name: 'children-only', type: 'bool', help: 'delete children but not checkpoint' },
        { name: 'metadata', type: 'bool', help: 'delete only libvirt metadata, leaving checkpoint contents behind' },
      ],
    },
    {
      name: 'checkpoint-dumpxml',
      help: 'Dump XML for a domain checkpoint',
      desc: 'Checkpoint Dump XML',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT' },
        { name: 'checkpointname', type: 'string', help: 'checkpoint name', completer: 'checkpointName' },
        { name: 'security-info', type: 'bool', help: 'include security sensitive information in XML dump' },
        { name: 'no-domain', type: 'bool', help: 'exclude <domain> from XML' },
        { name: 'size', type: 'bool', help: 'include backup size estimate in XML dump' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'checkpoint-edit',
      help: 'edit XML for a checkpoint',
      desc: 'Edit the domain checkpoint XML for a named checkpoint',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT' },
        { name: 'checkpointname', type: 'string', help: 'checkpoint name', completer: 'checkpointName' },
      ],
    },
    {
      name: 'checkpoint-info',
      help: 'checkpoint information',
      desc: 'Returns basic information about a checkpoint.',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT' },
        { name: 'checkpointname', type: 'string', help: 'checkpoint name', completer: 'checkpointName' },
      ],
    },
    {
      name: 'checkpoint-list',
      help: 'List checkpoints for a domain',
      desc: 'Checkpoint List',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT' },
        { name: 'parent', type: 'bool', help: 'add a column showing parent checkpoint' },
        { name: 'roots', type: 'bool', help: 'list only checkpoints without parents' },
        { name: 'leaves', type: 'bool', help: 'list only checkpoints without children' },
        { name: 'no-leaves', type: 'bool', help: 'list only checkpoints that are not leaves (with children)' },
        { name: 'tree', type: 'bool', help: 'list checkpoints in a tree' },
        { name: 'from', type: 'string', help: 'limit list to children of given checkpoint', completer: 'checkpointName' },
        { name: 'descendants', type: 'bool', help: 'with --from, list all descendants' },
        { name: 'name', type: 'bool', help: 'list checkpoint names only' },
        { name: 'topological', type: 'bool', help: 'sort list topologically rather than by name' },
      ],
    },
    {
      name: 'checkpoint-parent',
      help: 'Get the name of the parent of a checkpoint',
      desc: 'Extract the checkpoint\'s parent, if any',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT' },
        { name: 'checkpointname', type: 'string', help: 'find parent of checkpoint name', completer: 'checkpointName' },
      ],
    },
  ],
};
