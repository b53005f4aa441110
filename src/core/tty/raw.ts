// cfmakeraw through stty: node's raw mode (libuv's) keeps output processing (ONLCR) on, so
// a guest's "\r\n" would reach the terminal as "\r\r\n"; libvirt and virsh make terminals
// fully raw, and save and restore their settings exactly (tcgetattr/tcsetattr).
// child_process is fetched on first use: importing it loads net and streams, a cost every
// one-shot command of the domain group would otherwise pay for the few that open a console.

const RAW = ['raw', '-echo', '-echonl', '-iexten', 'cs8', '-parenb'];

function stty(args: string[], stdin: number | 'ignore'): string {
  const { execFileSync } = process.getBuiltinModule('node:child_process');
  return execFileSync('stty', args, { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8' }).trim();
}

/** Puts the terminal on standard input in raw mode; returns what restores it. */
export function makeStdinRaw(): () => void {
  const saved = stty(['-g'], 0);
  stty(RAW, 0);
  return () => {
    stty([saved], 0);
  };
}

/** Makes the terminal device at `path` raw (virFDStreamOpenPTY). */
export function makeDeviceRaw(path: string): void {
  stty(['-F', path, ...RAW], 'ignore');
}
