import type { CommandGroupSpec, CommandSpec, OptSpec } from '../spec/types.js';

/** Help texts generated from the command tables, laid out as vsh.c prints them. */

const listed = (c: CommandSpec) => !c.aliasOf && !c.hidden;

/** One command line of a group listing: name padded to 30 columns, then its summary. */
const commandLine = (c: CommandSpec) => `    ${c.name.padEnd(30)} ${c.help}\n`;

/** vshCmdGrpHelp: ` TITLE (help keyword 'KW'):` and its visible commands. */
export function groupHelp(group: CommandGroupSpec): string {
  return ` ${group.title} (help keyword '${group.keyword}'):\n` + group.commands.filter(listed).map(commandLine).join('');
}

/** cmdHelp without arguments: every group, each followed by a blank line. */
export function allGroupsHelp(groups: readonly CommandGroupSpec[]): string {
  return 'Grouped commands:\n\n' + groups.map((g) => groupHelp(g) + '\n').join('');
}

/** The group `help KEYWORD` names, by keyword or by title. */
export function findGroup(groups: readonly CommandGroupSpec[], name: string): CommandGroupSpec | undefined {
  return groups.find((g) => g.title === name || g.keyword === name);
}

/** An option's word in the SYNOPSIS line; `shortopt` makes an argv's `--name` optional. */
function synopsisWord(o: OptSpec, shortopt: boolean): string {
  switch (o.type) {
    case 'bool':
      return `[--${o.name}]`;
    case 'int':
      return o.required ? `<${o.name}>` : `[--${o.name} <number>]`;
    case 'string':
      return `[--${o.name} <string>]`;
    case 'data':
      return o.required ? `<${o.name}>` : `[<${o.name}>]`;
    case 'argv':
      if (shortopt) return o.required ? `{[--${o.name}] <string>}...` : `[[--${o.name}] <string>]...`;
      return o.required ? `<${o.name}>...` : `[<${o.name}>]...`;
    case 'alias':
      return '';
  }
}

function optionLabel(o: OptSpec, shortopt: boolean): string {
  switch (o.type) {
    case 'bool':
      return `--${o.name}`;
    case 'int':
      return o.required ? `[--${o.name}] <number>` : `--${o.name} <number>`;
    case 'string':
      return `--${o.name} <string>`;
    case 'data':
      return `[--${o.name}] <string>`;
    case 'argv':
      return shortopt ? `[--${o.name}] <string>` : `<${o.name}>`;
    case 'alias':
      return '';
  }
}

/** vshCmddefHelp: NAME, SYNOPSIS, DESCRIPTION (when not empty) and OPTIONS. */
export function commandHelp(def: CommandSpec): string {
  let out = `  NAME\n    ${def.name} - ${def.help}\n\n  SYNOPSIS\n    ${def.name}`;
  // An option before an argv one that takes a positional value makes the argv's
  // `--name` optional in the synopsis; vsh tracks this while walking the options.
  let shortopt = false;
  // virsh-ts's extension options stay out: `help CMD` is virsh's, byte for byte (man page has them)
  const own = def.opts.filter((o) => !o.extension);
  const shown = own.filter((o) => o.type !== 'alias');
  for (const o of shown) {
    out += ' ' + synopsisWord(o, shortopt);
    if ((o.type === 'int' || o.type === 'string' || o.type === 'data') && !o.reqOpt) shortopt = true;
  }
  out += '\n';
  if (def.desc) out += `\n  DESCRIPTION\n    ${def.desc}\n`;
  if (own.length) {
    out += '\n  OPTIONS\n';
    for (const o of shown) out += `    ${optionLabel(o, shortopt).padEnd(15)}  ${o.help ?? ''}\n`;
  }
  return out + '\n';
}
