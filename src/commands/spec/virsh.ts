import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Virsh itself' commands: names, options and help texts. */
export const virshGroup: CommandGroupSpec = {
  title: 'Virsh itself',
  keyword: 'virsh',
  commands: [
    {
      name: 'cd',
      noConnect: true,
      help: 'change the current directory',
      desc: 'Change the current directory.',
      opts: [
        { name: 'dir', type: 'string', help: 'directory to switch to (default: home or else root)' },
      ],
    },
    {
      name: 'echo',
      noConnect: true,
      help: 'echo arguments. Used for internal testing.',
      desc: 'Echo back arguments, possibly with quoting. Used for internal testing.',
      opts: [
        { name: 'shell', type: 'bool', help: 'escape for shell use' },
        { name: 'xml', type: 'bool', help: 'escape for XML use' },
        { name: 'split', type: 'bool', help: 'split each argument on \',\'; \',,\' is an escape sequence' },
        { name: 'err', type: 'bool', help: 'output to stderr' },
        { name: 'str', type: 'alias', alias: 'string' },
        { name: 'hi', type: 'alias', alias: 'string=hello' },
        { name: 'string', type: 'argv', help: 'arguments to echo' },
      ],
    },
    {
      name: 'exit',
      noConnect: true,
      help: 'quit this interactive terminal',
      desc: '',
      opts: [],
    },
    {
      name: 'help',
      noConnect: true,
      help: 'print help',
      desc: 'Prints global help, command specific help, or help for a\n    group of related commands',
      opts: [
        { name: 'command', type: 'string', help: 'Prints global help, command specific help, or help for a group of related commands', completer: 'helpCommand' },
      ],
    },
    {
      name: 'pwd',
      noConnect: true,
      help: 'print the current directory',
      desc: 'Print the current directory.',
      opts: [],
    },
    {
      name: 'quit',
      noConnect: true,
      help: 'quit this interactive terminal',
      desc: '',
      opts: [],
    },
    {
      name: 'self-test',
      noConnect: true,
      hidden: true,
      help: 'internal command for testing virt shells',
      desc: 'internal use only',
      opts: [
        { name: 'completers-missing', type: 'bool', help: 'output the list of options which are missing completers' },
      ],
    },
    {
      name: 'complete',
      noConnect: true,
      hidden: true,
      help: 'internal command for autocompletion',
      desc: 'internal use only',
      opts: [
        { name: 'string', type: 'argv', emptyOk: true, help: 'partial string to autocomplete' },
      ],
    },
    {
      name: 'connect',
      noConnect: true,
      help: '(re)connect to hypervisor',
      desc: 'Connect to local hypervisor. This is built-in command after shell start up.',
      opts: [
        { name: 'name', type: 'string', emptyOk: true, help: 'hypervisor connection URI', completer: 'empty' },
        { name: 'readonly', type: 'bool', help: 'read-only connection' },
      ],
    },
  ],
};
