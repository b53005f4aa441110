import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Backup' commands: names, options and help texts. */
export const backupGroup: CommandGroupSpec = {
  title: 'Backup',
  keyword: 'backup',
  commands: [
    {
      name: 'backup-begin',
      help: 'Start a disk backup of a live domain',
      desc: 'Use XML to start a full or incremental disk backup of a live domain, optionally creating a checkpoint',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_ACTIVE' },
        { name: 'backupxml', type: 'string', help: 'domain backup XML', completer: 'pathLocalExisting' },
        { name: 'checkpointxml', type: 'string', help: 'domain checkpoint XML', completer: 'pathLocalExisting' },
        { name: 'reuse-external', type: 'bool', help: 'reuse files provided by caller' },
      ],
    },
    {
      name: 'backup-dumpxml',
      help: 'Dump XML for an ongoing domain block backup job',
      desc: 'Backup Dump XML',
      opts: [
        { name: 'domain', type: 'data', required: true, help: 'domain name, id or uuid', completer: 'domainName', completerFlags: 'VIR_CONNECT_LIST_DOMAINS_ACTIVE' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
  ],
};
