import { commandHelp } from '../../commands/shell/help.js';
import type { CommandGroupSpec, CommandSpec, OptSpec } from '../../commands/spec/types.js';
import { jsonCommands, withExtensions } from '../../commands/json/commands.js';
import { globalOptions } from './globals.js';

/** Text safe for roff: backslashes escaped, hyphens as minus signs, no leading control dot. */
export function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');
}

/** The SYNOPSIS line `help CMD` prints, so the page and the shell say the same. */
function synopsis(cmd: CommandSpec): string {
  const lines = commandHelp(cmd).split('\n');
  return lines[lines.indexOf('  SYNOPSIS') + 1].trim();
}

function optionLabel(o: OptSpec): string {
  switch (o.type) {
    case 'bool':
      return `--${o.name}`;
    case 'int':
      return `--${o.name} <number>`;
    case 'data':
      return `[--${o.name}] <${o.name}>`;
    case 'argv':
      return `[--${o.name}] <${o.name}>...`;
    default:
      return `--${o.name} <string>`;
  }
}

function commandSection(cmd: CommandSpec, aliases: readonly CommandSpec[]): string {
  const out = [`.SS ${roff(cmd.name)}`, roff(cmd.help), '.PP', '.nf', `\\fB${roff(synopsis(cmd))}\\fR`, '.fi'];
  if (cmd.desc) out.push('.PP', roff(cmd.desc.trim()));
  if (cmd.hidden) out.push('.PP', 'Hidden: not listed by \\fBhelp\\fR.');
  if (aliases.length) out.push('.PP', `Also known as: ${aliases.map((a) => `\\fB${roff(a.name)}\\fR`).join(', ')}.`);
  for (const o of withExtensions(cmd).opts.filter((x) => x.type !== 'alias')) {
    const req = o.required ? ' (required)' : '';
    out.push('.TP', `\\fB${roff(optionLabel(o))}\\fR`, `${roff(o.help ?? '')}${req}`);
  }
  return out.join('\n');
}

const page = {
  head: [
    '.TH VIRSH-TS 1 "" "virsh-ts" "User Commands"',
    '.SH NAME',
    'virsh\\-ts \\- management user interface for libvirt hypervisors (virsh 9.0 compatible)',
    '.SH SYNOPSIS',
    '.B virsh\\-ts',
    '[\\fIOPTION\\fR]... [\\fICOMMAND_STRING\\fR]',
    '.br',
    '.B virsh\\-ts',
    '[\\fIOPTION\\fR]... \\fICOMMAND\\fR [\\fIARG\\fR]...',
    '.SH DESCRIPTION',
    'virsh\\-ts is virsh, the libvirt shell, in TypeScript: the same commands print the same text and return the same exit codes.',
    'With no command it reads commands from standard input; on a terminal it is an interactive shell.',
    'A command string may hold several commands separated by \\fB;\\fR.',
  ],
  interactive: [
    '.SH INTERACTIVE SHELL',
    'The prompt is \\fBvirsh #\\fR for root, \\fBvirsh $\\fR for other users, \\fBvirsh >\\fR on a read\\-only connection.',
    '.TP',
    '\\fBTab\\fR',
    'completes commands, options, and live object names (domains, networks, pools, volumes, snapshots, interfaces) through the connection; file names for file options; lists the candidates when ambiguous.',
    '.TP',
    '\\fBLeft\\fR, \\fBRight\\fR, \\fBHome\\fR, \\fBEnd\\fR, \\fBCtrl\\-A\\fR, \\fBCtrl\\-E\\fR, \\fBAlt\\-B\\fR, \\fBAlt\\-F\\fR',
    'move the cursor.',
    '.TP',
    '\\fBCtrl\\-K\\fR, \\fBCtrl\\-U\\fR, \\fBCtrl\\-W\\fR, \\fBAlt\\-D\\fR',
    'delete to the end, to the start, a word back, a word forward.',
    '.TP',
    '\\fBUp\\fR, \\fBDown\\fR, \\fBCtrl\\-R\\fR',
    'recall history, search it backwards.',
    '.TP',
    '\\fBCtrl\\-C\\fR',
    'cancels the running command (or the line being typed) and returns to the prompt.',
    '.TP',
    '\\fBCtrl\\-D\\fR, \\fBquit\\fR, \\fBexit\\fR',
    'leave the shell.',
  ],
  tail: [
    '.SH ENVIRONMENT',
    '.TP',
    '\\fBVIRSH_DEFAULT_CONNECT_URI\\fR, \\fBLIBVIRT_DEFAULT_URI\\fR',
    'the connection URI when \\fB\\-c\\fR is not given.',
    '.TP',
    '\\fBVIRSH_HISTSIZE\\fR',
    'number of history lines kept (default 500, at most 500000).',
    '.TP',
    '\\fBVIRSH_DEBUG\\fR, \\fBVIRSH_LOG_FILE\\fR',
    'debug level and log file when \\fB\\-d\\fR and \\fB\\-l\\fR are not given.',
    '.TP',
    '\\fBNO_COLOR\\fR',
    'when set, the interactive shell prints no colour.',
    '.SH FILES',
    '.TP',
    '\\fI$XDG_CACHE_HOME/libvirt/virsh/history\\fR',
    'the interactive shell history (\\fI~/.cache\\fR when \\fBXDG_CACHE_HOME\\fR is unset).',
    '.SH SEE ALSO',
    '\\fBvirsh\\fR(1), \\fBlibvirtd\\fR(8)',
  ],
};

/** The --json extension: what it prints and where each command's schema is. */
function jsonSection(): string[] {
  return [
    '.SH JSON OUTPUT',
    'The listing and information commands below take \\fB\\-\\-json\\fR, an option of virsh\\-ts that virsh does not have (so \\fBhelp\\fR \\fICOMMAND\\fR, which prints what virsh prints, leaves it out).',
    'With it the command prints one JSON document on standard output instead of its table or report: keys are camelCase and never translated, counts and sizes are numbers (sizes in bytes, memory in KiB as virsh reports it), absent values are \\fBnull\\fR.',
    'Filters and other options keep their meaning; options that only change the text layout (\\fB\\-\\-name\\fR, \\fB\\-\\-uuid\\fR, \\fB\\-\\-table\\fR) do not change the document.',
    'Errors are unchanged: virsh\\(aqs text on standard error and exit status 1.',
    'Each document follows the JSON Schema in \\fIschema/json/\\fR\\fBCOMMAND\\fR\\fI.schema.json\\fR of the source tree:',
    ...[...jsonCommands].flatMap((name) => ['.TP', `\\fB${roff(name)} \\-\\-json\\fR`, `schema/json/${roff(name)}.schema.json`]),
  ];
}

/** man/virsh-ts.1: every command of every group, from the same tables `help` reads. */
export function manPage(groups: readonly CommandGroupSpec[]): string {
  const out = [...page.head, '.SH OPTIONS'];
  for (const o of globalOptions) {
    const names = [o.short && `\\-${o.short}`, o.long && `\\-\\-${roff(o.long)}`].filter(Boolean).join(', ');
    out.push('.TP', `\\fB${names}\\fR${o.arg ? ` \\fI${o.arg}\\fR` : ''}`, roff(o.help));
  }
  out.push(...page.interactive, ...jsonSection(), '.SH COMMANDS');
  for (const g of groups) {
    out.push(`.SS ${roff(g.title)} (help keyword \\(aq${roff(g.keyword)}\\(aq)`);
    for (const cmd of g.commands.filter((c) => !c.aliasOf)) {
      out.push(commandSection(cmd, g.commands.filter((c) => c.aliasOf === cmd.name)));
    }
  }
  out.push(...page.tail);
  return `${out.join('\n')}\n`;
}
