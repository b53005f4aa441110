import type { Connection } from '../../core/api/connection.js';
import type { CommandDef } from '../../commands/types.js';
import { completerFlags, completers } from './completers.js';
import { parsePartial, type PartialCommand } from './partial.js';

/** What completion needs from the shell: the registry and the connection. */
export interface CompletionSource {
  find(name: string): CommandDef | undefined;
  /** Every command, in registry order. */
  all(): readonly CommandDef[];
  conn(): Promise<Connection>;
  /** Where completers report lookups that failed (vshError). */
  error(text: string): void;
  /** A libvirt error a completer ran into, for the caller's report. */
  failed?(e: unknown): void;
  /** Offer virsh-ts's own options (--json) too: the REPL does; virsh's `complete` does not. */
  extensions?: boolean;
}

/** vshReadlineCommandGenerator: visible commands (no aliases, nothing hidden). */
export function commandNames(src: CompletionSource): string[] {
  return src.all().filter((d) => !d.aliasOf && !d.hidden).map((d) => d.name);
}

/** vshReadlineOptionsGenerator: `--name` for each option not given yet (argv ones repeat). */
function optionNames(cmd: PartialCommand, extensions: boolean): string[] {
  const def = cmd.def!;
  const given = new Set(cmd.opts.filter((o) => o.def.type !== 'argv').map((o) => o.def.name));
  const offered = (o: (typeof def.opts)[number]) => o.type !== 'alias' && !given.has(o.name) && (extensions || !o.extension);
  return def.opts.filter(offered).map((o) => `--${o.name}`);
}

/** Which option's value the cursor is in (vshReadlineCommandFindOpt). */
function optionToComplete(cmd: PartialCommand | undefined) {
  return cmd?.opts.find((o) => o.completeThis)?.def;
}

/** The option being completed takes local file paths (virsh leaves these to readline). */
export function wantsPath(line: string, src: CompletionSource): boolean {
  const opt = optionToComplete(parsePartial(line, (n) => src.find(n)));
  return opt?.completer === 'pathLocalExisting';
}

/**
 * vshReadlineParse: the candidates for `text`, the word ending at the end of `line`
 * (the line up to the cursor). undefined when there is nothing to offer. Candidates
 * are escaped (spaces) unless `quoted`, then filtered by prefix.
 */
export async function completeLine(
  line: string,
  text: string,
  src: CompletionSource,
  quoted = false,
): Promise<string[] | undefined> {
  const partial = parsePartial(line, (n) => src.find(n));
  let cmd = partial?.def ? partial : undefined;
  if (cmd && cmd.def!.name === text) cmd = undefined;
  const opt = optionToComplete(partial);
  let list: string[] | undefined;
  if (!cmd) {
    list = commandNames(src);
  } else if (!opt || opt.type === 'bool') {
    list = optionNames(cmd, src.extensions === true);
  } else if (opt.completer && completers[opt.completer]) {
    try {
      list = await completers[opt.completer]({
        conn: () => src.conn(),
        cmd,
        flags: completerFlags(opt.completerFlags),
        commandNames: () => commandNames(src),
        error: (t) => src.error(t),
      });
    } catch (e) {
      // a completer that cannot reach its objects offers nothing, as virsh's return NULL
      src.failed?.(e);
      list = undefined;
    }
  }
  if (!list) return undefined;
  if (!quoted) list = list.map((s) => s.replace(/ /g, '\\ '));
  return list.filter((s) => s.startsWith(text));
}

/** The longest common prefix of the candidates (readline's first match entry). */
export function commonPrefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let p = list[0];
  for (const s of list) {
    let i = 0;
    while (i < p.length && i < s.length && p[i] === s[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}
