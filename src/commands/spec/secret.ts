import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Secret' commands: names, options and help texts. */
export const secretGroup: CommandGroupSpec = {
  title: 'Secret',
  keyword: 'secret',
  commands: [
    {
      name: 'secret-define',
      help: 'define or modify a secret from an XML file',
      desc: 'Define or modify a secret.',
      opts: [
        { name: 'file', type: 'data', required: true, help: 'file containing secret attributes in XML', completer: 'pathLocalExisting' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'secret-dumpxml',
      help: 'secret attributes in XML',
      desc: 'Output attributes of a secret as an XML dump to stdout.',
      opts: [
        { name: 'secret', type: 'data', required: true, help: 'secret UUID', completer: 'secretUUID' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'secret-event',
      help: 'Secret Events',
      desc: 'List event types, or wait for secret events to occur',
      opts: [
        { name: 'secret', type: 'string', help: 'filter by secret name or uuid', completer: 'secretUUID' },
        { name: 'event', type: 'string', help: 'which event type to wait for', completer: 'secretEventName' },
        { name: 'loop', type: 'bool', help: 'loop until timeout or interrupt, rather than one-shot' },
        { name: 'timeout', type: 'int', help: 'timeout seconds' },
        { name: 'list', type: 'bool', help: 'list valid event types' },
        { name: 'timestamp', type: 'bool', help: 'show timestamp for each printed event' },
      ],
    },
    {
      name: 'secret-get-value',
      help: 'Output a secret value',
      desc: 'Output a secret value to stdout.',
      opts: [
        { name: 'secret', type: 'data', required: true, help: 'secret UUID', completer: 'secretUUID' },
        { name: 'plain', type: 'bool', help: 'get value without converting to base64' },
      ],
    },
    {
      name: 'secret-list',
      help: 'list secrets',
      desc: 'Returns a list of secrets',
      opts: [
        { name: 'ephemeral', type: 'bool', help: 'list ephemeral secrets' },
        { name: 'no-ephemeral', type: 'bool', help: 'list non-ephemeral secrets' },
        { name: 'private', type: 'bool', help: 'list private secrets' },
        { name: 'no-private', type: 'bool', help: 'list non-private secrets' },
      ],
    },
    {
      name: 'secret-set-value',
      help: 'set a secret value',
      desc: 'Set a secret value.',
      opts: [
        { name: 'secret', type: 'data', required: true, help: 'secret UUID', completer: 'secretUUID' },
        { name: 'file', type: 'string', reqOpt: true, help: 'read secret from file', completer: 'pathLocalExisting' },
        { name: 'plain', type: 'bool', help: 'read the secret from file without converting from base64' },
        { name: 'interactive', type: 'bool', help: 'read the secret from the terminal' },
        { name: 'base64', type: 'string', help: 'base64-encoded secret value', completer: 'empty' },
      ],
    },
    {
      name: 'secret-undefine',
      help: 'undefine a secret',
      desc: 'Undefine a secret.',
      opts: [
        { name: 'secret', type: 'data', required: true, help: 'secret UUID', completer: 'secretUUID' },
      ],
    },
  ],
};
