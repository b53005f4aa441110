/** virsh's global options, for the man page and the shell completion scripts. */
export interface GlobalOptionDoc {
  short?: string;
  long?: string;
  /** The value's name, when the option takes one. */
  arg?: string;
  help: string;
}

export const globalOptions: readonly GlobalOptionDoc[] = [
  { short: 'c', long: 'connect', arg: 'URI', help: 'hypervisor connection URI' },
  { short: 'd', long: 'debug', arg: 'NUM', help: 'debug level [0-4]' },
  { short: 'e', long: 'escape', arg: 'char', help: 'set escape sequence for console' },
  { short: 'h', long: 'help', help: 'this help' },
  { short: 'k', long: 'keepalive-interval', arg: 'NUM', help: 'keepalive interval in seconds, 0 for disable' },
  { short: 'K', long: 'keepalive-count', arg: 'NUM', help: 'number of possible missed keepalive messages' },
  { short: 'l', long: 'log', arg: 'FILE', help: 'output logging to file' },
  { long: 'no-color', help: 'no colour in the interactive shell (also when NO_COLOR is set)' },
  { short: 'q', long: 'quiet', help: 'quiet mode' },
  { short: 'r', long: 'readonly', help: 'connect readonly' },
  { short: 't', long: 'timing', help: 'print timing information' },
  { short: 'v', help: 'short version' },
  { short: 'V', help: 'long version' },
  { long: 'version', arg: 'TYPE', help: 'version, TYPE is short or long (default short)' },
];
