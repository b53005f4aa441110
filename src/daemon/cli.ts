import { DAEMON_NAME } from './paths.js';

export interface DaemonArgs {
  verbose: boolean;
  daemon: boolean;
  listen: boolean;
  config?: string;
  timeout: number;
  pidFile?: string;
}

/** What the command line asks for: run, or print something and exit with a status. */
export type Parsed = { run: DaemonArgs } | { exit: number; stdout?: string; stderr?: string };

/** libvirtd's options and their help lines (also the man page's list). */
export const daemonOptions: readonly [string, string][] = [
  ['-h | --help', 'Display program help'],
  ['-v | --verbose', 'Verbose messages'],
  ['-d | --daemon', 'Run as a daemon & write PID file'],
  ['-l | --listen', 'Listen for TCP/IP connections'],
  ['-t | --timeout <secs>', 'Exit after timeout period'],
  ['-f | --config <file>', 'Configuration file'],
  ['-V | --version', 'Display version information'],
  ['-p | --pid-file <file>', 'Change name of PID file'],
];

/** daemonUsage: libvirtd's help text (to stderr), with the system or session paths. */
export function usage(privileged: boolean): string {
  const lines = ['', 'Usage:', `  ${DAEMON_NAME} [options]`, '', 'Options:'];
  for (const [opt, help] of daemonOptions) lines.push(`  ${opt.padEnd(22)} ${help}`);
  const run = privileged ? '/run' : '$XDG_RUNTIME_DIR';
  const pki = (sys: string, user: string) => (privileged ? sys : `$HOME/.pki/libvirt/${user}`);
  lines.push(
    '',
    'libvirt management daemon:',
    '',
    '  Default paths:',
    '',
    '    Configuration file (unless overridden by -f):',
    `      ${privileged ? '/etc' : '$XDG_CONFIG_HOME'}/libvirt/${DAEMON_NAME}.conf`,
    '',
    '    Sockets:',
    `      ${run}/libvirt/libvirt-sock`,
    ...(privileged ? [`      ${run}/libvirt/libvirt-sock-ro`] : []),
    '',
    '    TLS:',
    `      CA certificate: ${pki('/etc/pki/CA/cacert.pem', 'cacert.pem')}`,
    `      Server certificate: ${pki('/etc/pki/libvirt/servercert.pem', 'servercert.pem')}`,
    `      Server private key: ${pki('/etc/pki/libvirt/private/serverkey.pem', 'serverkey.pem')}`,
    '',
    '    PID file (unless overridden by -p):',
    `      ${privileged ? '/run' : '$XDG_RUNTIME_DIR/libvirt'}/${DAEMON_NAME}.pid`,
    '',
    '    QEMU driver state (qemu:///system), under $VIRTD_TS_QEMU_ROOT when set:',
    '      /etc/libvirt/qemu, /var/lib/libvirt/qemu, /run/libvirt/qemu, /var/cache/libvirt/qemu',
    '',
    '',
  );
  return lines.join('\n');
}

const longs: Record<string, string> = {
  verbose: 'v',
  daemon: 'd',
  listen: 'l',
  config: 'f',
  timeout: 't',
  'pid-file': 'p',
  version: 'V',
  help: 'h',
};
const withArg = new Set(['f', 't', 'p']);

/** getopt_long with libvirtd's "ldf:p:t:vVh", its messages and its exits. */
export function parseArgs(argv: readonly string[], privileged: boolean): Parsed {
  const a: DaemonArgs = { verbose: false, daemon: false, listen: false, timeout: -1 };
  const fail = (msg: string): Parsed => ({ exit: 1, stderr: `${DAEMON_NAME}: ${msg}\n${usage(privileged)}` });
  const rest: string[] = [];
  const apply = (c: string, value: string | undefined): Parsed | undefined => {
    switch (c) {
      case 'v':
        a.verbose = true;
        return;
      case 'd':
        a.daemon = true;
        return;
      case 'l':
        a.listen = true;
        return;
      case 'f':
        a.config = value;
        return;
      case 'p':
        a.pidFile = value;
        return;
      case 't': {
        const n = /^[-+]?\d+$/.test(value!.trim()) ? Number(value) : NaN;
        if (!Number.isInteger(n) || n < 0 || n > Math.floor(0x7fffffff / 1000)) {
          return { exit: 1, stderr: logLine('error', 'Invalid value for timeout') };
        }
        a.timeout = n;
        return;
      }
      case 'V':
        return { exit: 0, stdout: `${DAEMON_NAME} (libvirt) 9.0.0\n` };
      case 'h':
        return { exit: 0, stderr: usage(privileged) };
    }
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const hits = Object.keys(longs).filter((k) => k.startsWith(name));
      const exact = hits.includes(name) ? name : hits.length === 1 ? hits[0] : undefined;
      if (!exact) return fail(hits.length > 1 ? `option '${arg}' is ambiguous` : `unrecognized option '${arg}'`);
      const c = longs[exact];
      let value = inline;
      if (withArg.has(c)) {
        if (value === undefined) {
          if (i + 1 >= argv.length) return fail(`option '--${exact}' requires an argument`);
          value = argv[++i];
        }
      } else if (value !== undefined) {
        return fail(`option '--${exact}' doesn't allow an argument`);
      }
      const out = apply(c, value);
      if (out) return out;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      rest.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j];
      if (!'ldfptvVh'.includes(c)) return fail(`invalid option -- '${c}'`);
      let value: string | undefined;
      if (withArg.has(c)) {
        value = arg.slice(j + 1);
        if (!value) {
          if (i + 1 >= argv.length) return fail(`option requires an argument -- '${c}'`);
          value = argv[++i];
        }
        j = arg.length;
      }
      const out = apply(c, value);
      if (out) return out;
    }
  }
  if (rest.length) return { exit: 1, stderr: `${DAEMON_NAME}: unexpected, non-option, command line arguments\n` };
  return { run: a };
}

/** libvirt's log line layout: timestamp, pid, priority, message. */
export function logLine(level: 'error' | 'warning' | 'info', message: string): string {
  const t = new Date().toISOString().replace('T', ' ').replace('Z', '+0000');
  return `${t}: ${process.pid}: ${level} : ${message}\n`;
}
