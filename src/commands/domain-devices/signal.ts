import { PROCESS_SIGNAL_LAST } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

/** virDomainProcessSignal names, index = signal number (POSIX 0-31, then rt0…rt32). */
const signalNames = [
  'nop', 'hup', 'int', 'quit', 'ill', 'trap', 'abrt', 'bus', 'fpe', 'kill',
  'usr1', 'segv', 'usr2', 'pipe', 'alrm', 'term', 'stkflt', 'chld', 'cont', 'stop',
  'tstp', 'ttin', 'ttou', 'urg', 'xcpu', 'xfsz', 'vtalrm', 'prof', 'winch', 'poll',
  'pwr', 'sys',
  ...Array.from({ length: PROCESS_SIGNAL_LAST - 32 }, (_, i) => `rt${i}`),
];

/** virStrToLong_i over the whole text (base 10, leading blanks allowed). */
function parseInt32(text: string): number | undefined {
  if (!/^\s*[-+]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

/** virsh's getSignalNumber: a number, or a name with an optional sig/sig_ prefix, any case. */
function signalNumber(signame: string): number {
  const lower = signame.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const n = parseInt32(lower);
  if (n !== undefined) return n;
  const bare = lower.startsWith('sig_') ? lower.slice(4) : lower.startsWith('sig') ? lower.slice(3) : lower;
  return signalNames.indexOf(bare);
}

export const sendProcessSignal: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const pid = opts.longlong('pid') ?? 0n;
  const signame = opts.requiredString('signame');
  const signum = signalNumber(signame);
  if (signum < 0) {
    ctx.error(`malformed signal name: ${signame}`);
    return false;
  }
  await (await ctx.conn()).domainSendProcessSignal(dom, pid, signum, 0);
  return true;
};
