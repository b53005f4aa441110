// qemu-monitor-command (cmdQemuMonitorCommand): the arguments become one QMP command (a JSON
// object as given, else wrapped as {"execute": ARG1, "arguments": {ARGS…}}) or an HMP line,
// and the reply is printed raw, pretty, or as its "return" member alone.
import type { Handler } from '../types.js';
import { exclusive, optDomain } from './util.js';
import { passFds } from '../domain/pass-fds.js';
import { virErr } from '../../core/errors.js';
import { yajlError } from './yajl-error.js';
import { formatJson, member, parseJson } from './yajl-json.js';

/** VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP */
const HMP = 1;

/** cmdQemuMonitorCommandQMPWrap; undefined after reporting why the arguments cannot be wrapped. */
function wrapQmp(args: string[], error: (text: string) => void): string | undefined {
  const full = args.join(' ');
  if (parseJson(full)?.kind === 'object') return full;
  const [name, ...rest] = args;
  const fullArgs = rest.join(' ');
  let argsJson = rest.length ? parseJson(fullArgs) : undefined;
  if (rest.length && argsJson?.kind !== 'object') {
    const wrapped = `{${rest.join(',')}}`;
    const why = yajlError(wrapped);
    argsJson = why ? undefined : parseJson(wrapped);
    if (!argsJson) {
      error(`failed to wrap arguments '${fullArgs}' into a QMP command wrapper`);
      // virsh then reports the library's parse error it kept.
      if (why) throw virErr('INTERNAL_ERROR', `cannot parse json ${wrapped}: ${why}`);
      return undefined;
    }
  }
  const command = { kind: 'object' as const, entries: [['execute', { kind: 'atom' as const, text: JSON.stringify(name), value: name }]] as Array<[string, NonNullable<typeof argsJson>]> };
  if (argsJson) command.entries.push(['arguments', argsJson]);
  return formatJson(command, false);
}

export const qemuMonitorCommand: Handler = async (ctx, opts) => {
  if (!exclusive(ctx, opts, 'hmp', 'pretty') || !exclusive(ctx, opts, 'hmp', 'return-value')) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const pretty = opts.bool('pretty');
  const returnValue = opts.bool('return-value');
  const hmp = opts.bool('hmp');
  const args = opts.argv('cmd');
  const cmd = hmp ? args.join(' ') : wrapQmp(args, (t) => ctx.error(t));
  if (cmd === undefined) return false;
  const fds = passFds(ctx, opts);
  if (!fds) return false;
  const conn = await ctx.conn();
  const result = fds.length ? await conn.domainQemuMonitorCommandWithFiles(dom, cmd, fds, hmp ? HMP : 0) : await conn.domainQemuMonitorCommand(dom, cmd, hmp ? HMP : 0);
  const json = returnValue || pretty ? parseJson(result) : undefined;
  if (returnValue && !json) {
    ctx.error('failed to parse JSON returned by qemu');
    return false;
  }
  if (!json) {
    ctx.print(`${result}\n`);
    return true;
  }
  const shown = returnValue ? member(json, 'return') : json;
  if (!shown) {
    ctx.error("'return' member missing");
    return false;
  }
  ctx.print(formatJson(shown, pretty));
  return true;
};
