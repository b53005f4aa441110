import { getoptLong, type LongOption } from './getopt.js';
import { strToInt } from '../../core/strtol.js';
import type { Output } from './output.js';
import { Level } from './output.js';

/** What virsh's command line sets before any command runs. */
export interface GlobalOptions {
  connect: string | undefined;
  escapeChar: string;
  keepaliveInterval: number | undefined;
  keepaliveCount: number | undefined;
  readonly: boolean;
  timing: boolean;
  /** --no-color (virsh-ts's own): the interactive shell prints no colour. */
  noColor: boolean;
  /** The words after the options: a command string (one word) or argv (several). */
  operands: string[];
}

/** An option that ends the program before any command (help, version, bad option). */
export interface EarlyExit {
  exit: number;
  /** What to print on stdout: usage, or a version text. */
  show?: 'usage' | 'short-version' | 'long-version';
}

const longOptions: readonly LongOption[] = [
  { name: 'connect', arg: 'required', val: 'c' },
  { name: 'debug', arg: 'required', val: 'd' },
  { name: 'escape', arg: 'required', val: 'e' },
  { name: 'help', arg: 'none', val: 'h' },
  { name: 'keepalive-interval', arg: 'required', val: 'k' },
  { name: 'keepalive-count', arg: 'required', val: 'K' },
  { name: 'log', arg: 'required', val: 'l' },
  // virsh-ts's own, long form only: 'C' is not in the short option string
  { name: 'no-color', arg: 'none', val: 'C' },
  { name: 'quiet', arg: 'none', val: 'q' },
  { name: 'readonly', arg: 'none', val: 'r' },
  { name: 'timing', arg: 'none', val: 't' },
  { name: 'version', arg: 'optional', val: 'v' },
];
const shortOptions = 'c:d:e:hk:K:l:qrtvV';

/** Console escape: one character other than '^', or '^' and one of a-z @ [ \ ] ^ _. */
function validEscape(s: string): boolean {
  if (s.length === 1) return s !== '^';
  return s.length === 2 && s[0] === '^' && ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= '@' && s[1] <= '_'));
}

/**
 * virshParseArgv: applies the global options in order, as getopt reports them, with
 * virsh's validation. Errors are printed through `out`; the quiet and debug settings and
 * the log file are applied to `out` directly.
 */
export function parseGlobalOptions(argv: readonly string[], out: Output): GlobalOptions | EarlyExit {
  const g: GlobalOptions = {
    connect: undefined,
    escapeChar: '^]',
    keepaliveInterval: undefined,
    keepaliveCount: undefined,
    readonly: false,
    timing: false,
    noColor: false,
    operands: [],
  };
  const fail = (message: string): EarlyExit => {
    out.error(message);
    return { exit: 1 };
  };
  const keepalive = (arg: string, long: boolean, short: string, longName: string): number | EarlyExit => {
    const name = long ? `--${longName}` : `-${short}`;
    const v = strToInt(arg, 0);
    if (v === undefined) return fail(`Invalid value for option ${name}`);
    if (v < 0) return fail(`option ${name} requires a positive integer argument`);
    return v;
  };
  const scan = getoptLong(argv, shortOptions, longOptions);
  for (;;) {
    const step = scan.next();
    if (step.done) {
      g.operands = argv.slice(step.value);
      return g;
    }
    const ev = step.value;
    if (ev.kind === 'missing') {
      const long = longOptions.find((o) => o.val === ev.optopt);
      return fail(
        long
          ? `option '-${ev.optopt}'/'--${long.name}' requires an argument`
          : `option '-${ev.optopt}' requires an argument`,
      );
    }
    if (ev.kind === 'unknown') {
      return fail(ev.optopt ? `unsupported option '-${ev.optopt}'. See --help.` : `unsupported option '${ev.word}'. See --help.`);
    }
    const arg = ev.arg ?? '';
    switch (ev.val) {
      case 'c':
        g.connect = arg;
        break;
      case 'd': {
        const level = strToInt(arg);
        if (level === undefined) return fail(`option ${ev.long ? '--debug' : '-d'} takes a numeric argument`);
        if (level < Level.DEBUG || level > Level.ERROR) {
          out.error(`ignoring debug level ${level} out of range [${Level.DEBUG}-${Level.ERROR}]`);
        } else {
          out.debugLevel = level;
        }
        break;
      }
      case 'e':
        if (!validEscape(arg)) return fail(`Invalid string '${arg}' for escape sequence`);
        g.escapeChar = arg;
        break;
      case 'h':
        return { exit: 0, show: 'usage' };
      case 'k':
      case 'K': {
        const v =
          ev.val === 'k'
            ? keepalive(arg, ev.long, 'k', 'keepalive-interval')
            : keepalive(arg, ev.long, 'K', 'keepalive-count');
        if (typeof v !== 'number') return v;
        if (ev.val === 'k') g.keepaliveInterval = v;
        else g.keepaliveCount = v;
        break;
      }
      case 'l':
        if (!out.openLog(arg)) return fail('failed to open the log file. check the log file path');
        break;
      case 'q':
        out.quiet = true;
        break;
      case 't':
        g.timing = true;
        break;
      case 'C':
        g.noColor = true;
        break;
      case 'r':
        g.readonly = true;
        break;
      case 'v':
        if (ev.arg !== 'long') return { exit: 0, show: 'short-version' };
        return { exit: 0, show: 'long-version' };
      case 'V':
        return { exit: 0, show: 'long-version' };
    }
  }
}
