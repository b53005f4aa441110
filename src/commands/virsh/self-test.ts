import type { CommandSpec } from '../spec/types.js';
import type { Handler } from '../types.js';
import { allCommands, commandGroups } from '../registry.js';

/** vsh stores option presence in a 64-bit mask, so a command may have at most 64. */
const MAX_OPTIONS = 64;

/**
 * vshCmddefCheckInternals: the rules the option parser relies on. Returns the first
 * violation, or undefined; `missing` collects string/data options without a completer.
 */
export function checkCommand(cmd: CommandSpec, missing?: string[]): string | undefined {
  if (cmd.aliasOf) {
    const target = allCommands().find((c) => c.name === cmd.aliasOf);
    if (!target) return `command alias '${cmd.name}' is pointing to a non-existent command '${cmd.aliasOf}'`;
    if (target.aliasOf) return `command alias '${cmd.name}' is pointing to another command alias '${cmd.aliasOf}'`;
    if (cmd.opts.length) return `command '${cmd.name}' has options set`;
    if (cmd.noConnect || cmd.hidden) return `command '${cmd.name}' has multiple flags set`;
    return undefined;
  }
  if (!cmd.help) return `command '${cmd.name}' lacks help`;
  let seenOptional = false;
  for (const [i, opt] of cmd.opts.entries()) {
    const where = `'${opt.name}' of command '${cmd.name}'`;
    if (i >= MAX_OPTIONS) return `command '${cmd.name}' has too many options`;
    if (missing && (opt.type === 'string' || opt.type === 'data') && !opt.completer) missing.push(opt.name);
    switch (opt.type) {
      case 'bool':
      case 'string':
        if (opt.type === 'bool' && (opt.completer || opt.completerFlags)) return `bool parameter ${where} has completer set`;
        if (opt.required) return `parameter ${where} misused VSH_OFLAG_REQ`;
        seenOptional = true;
        break;
      case 'alias': {
        if (opt.required || opt.reqOpt || opt.emptyOk || !opt.alias) return `parameter ${where} has incorrect alias option`;
        const eq = opt.alias.indexOf('=');
        const targetName = eq >= 0 ? opt.alias.slice(0, eq) : opt.alias;
        const target = cmd.opts.slice(i + 1).find((o) => o.name === targetName && o.type !== 'alias');
        if (eq >= 0 && target?.type === 'bool') return `alias '${opt.name}' of command '${cmd.name}' has mismatched alias type`;
        if (!target) return `alias '${opt.name}' of command '${cmd.name}' has missing alias option`;
        break;
      }
      case 'argv':
        if (i !== cmd.opts.length - 1) return `parameter ${where} must be listed last`;
        break;
      case 'data':
        if (!opt.required) return `parameter ${where} must use VSH_OFLAG_REQ flag`;
        if (seenOptional) return `parameter ${where} must be listed before optional parameters`;
        break;
      case 'int':
        if (!opt.required) seenOptional = true;
        else if (seenOptional) return `parameter ${where} must be listed before optional parameters`;
        break;
    }
  }
  return undefined;
}

/** self-test [--completers-missing]: validates every command table. */
export const selfTest: Handler = async (ctx, opts) => {
  const completers = opts.bool('completers-missing');
  for (const group of commandGroups) {
    for (const cmd of group.commands) {
      const missing: string[] = [];
      const problem = checkCommand(cmd, completers ? missing : undefined);
      if (problem) {
        ctx.error(problem);
        return false;
      }
      if (missing.length) ctx.printExtra(`${cmd.name}: ${missing.join(', ')}\n`);
    }
  }
  return true;
};
