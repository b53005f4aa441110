import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Domain Events' commands: names, options and help texts. */
export const eventsGroup: CommandGroupSpec = {
  title: 'Domain Events',
  keyword: 'events',
  commands: [
    {
      name: 'event',
      help: 'Domain Events',
      desc: 'List event types, or wait for domain events to occur',
      opts: [
        { name: 'domain', type: 'string', help: 'filter by domain name, id or uuid', completer: 'domainName' },
        { name: 'event', type: 'string', help: 'which event type to wait for', completer: 'domainEventName' },
        { name: 'all', type: 'bool', help: 'wait for all events instead of just one type' },
        { name: 'loop', type: 'bool', help: 'loop until timeout or interrupt, rather than one-shot' },
        { name: 'timeout', type: 'int', help: 'timeout seconds' },
        { name: 'list', type: 'bool', help: 'list valid event types' },
        { name: 'timestamp', type: 'bool', help: 'show timestamp for each printed event' },
      ],
    },
  ],
};
