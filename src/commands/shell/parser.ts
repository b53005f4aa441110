import type { CommandDef } from '../types.js';
import type { OptSpec } from '../spec/types.js';
import type { Token, TokenSource } from './tokenizer.js';

/** One option as given on the command line; `def` is the option it resolved to. */
export interface ParsedOpt {
  def: OptSpec;
  /** The value; undefined for bool options. */
  value: string | undefined;
}

export interface ParsedCommand {
  def: CommandDef;
  opts: ParsedOpt[];
}

export interface ParserHooks {
  /** Looks a command up by name (aliases resolved). */
  find(name: string): CommandDef | undefined;
  /** vshError: reports a parse error. */
  error(message: string): void;
  /** vshDebug at VSH_ERR_INFO. */
  debug(message: string): void;
}

/** Every command accepts --help, which turns it into `help CMD`. */
const helpOpt: OptSpec = { name: 'help', type: 'bool', help: 'print help for this function' };

/** What a command's option table says about positional use and requirements. */
interface OptState {
  /** Indexes still fillable by positional words, lowest first (vsh's opts_need_arg). */
  needArg: Set<number>;
  required: Set<number>;
  seen: Set<number>;
}

function optState(def: CommandDef): OptState {
  const needArg = new Set<number>();
  const required = new Set<number>();
  def.opts.forEach((o, i) => {
    if (o.type === 'bool' || o.type === 'alias') return;
    if (!o.reqOpt) needArg.add(i);
    if (o.required) required.add(i);
  });
  return { needArg, required, seen: new Set() };
}

class SyntaxError_ extends Error {}

/**
 * vshCmddefGetOption: resolves `--name` (following alias options, which may carry a value)
 * and refuses a repeated non-argv option. Returns the option and the value an alias implies.
 */
function lookupOption(
  def: CommandDef,
  name: string,
  explicit: string | undefined,
  st: OptState,
  hooks: ParserHooks,
): { opt: OptSpec; index: number; value: string | undefined } | undefined {
  if (name === helpOpt.name) return { opt: helpOpt, index: -1, value: explicit };
  let value = explicit;
  for (let i = 0; i < def.opts.length; i++) {
    const o = def.opts[i];
    if (o.name !== name) continue;
    if (o.type === 'alias') {
      const target = o.alias ?? '';
      const eq = target.indexOf('=');
      if (eq >= 0) {
        if (value !== undefined) {
          hooks.error(`invalid '=' after option --${o.name}`);
          return undefined;
        }
        value = target.slice(eq + 1);
        name = target.slice(0, eq);
      } else {
        name = target;
      }
      continue;
    }
    if (st.seen.has(i) && o.type !== 'argv') {
      hooks.error(`option --${name} already seen`);
      return undefined;
    }
    st.seen.add(i);
    return { opt: o, index: i, value };
  }
  if (def.name !== 'help') hooks.error(`command '${def.name}' doesn't support option --${name}`);
  return undefined;
}

/** vshCmddefGetData: the lowest positional slot still open. */
function nextPositional(def: CommandDef, st: OptState): OptSpec | undefined {
  if (st.needArg.size === 0) return undefined;
  const i = Math.min(...st.needArg);
  const o = def.opts[i];
  if (o.type !== 'argv') st.needArg.delete(i);
  st.seen.add(i);
  return o;
}

/** vshCommandCheckOpts: one error per missing required option. */
function checkRequired(def: CommandDef, st: OptState, hooks: ParserHooks): boolean {
  let ok = true;
  def.opts.forEach((o, i) => {
    if (!st.required.has(i) || st.seen.has(i)) return;
    ok = false;
    hooks.error(
      o.type === 'data' || o.type === 'argv'
        ? `command '${def.name}' requires <${o.name}> option`
        : `command '${def.name}' requires --${o.name} option`,
    );
  });
  return ok;
}

const isAlnum = (c: string | undefined) => !!c && /^[A-Za-z0-9]$/.test(c);

/**
 * vshCommandParse: turns tokens into commands against the registry's option tables.
 * Errors are reported through hooks; on any error nothing is returned (virsh runs none of
 * the commands of a line that fails to parse).
 */
export function parseCommands(source: TokenSource, hooks: ParserHooks): ParsedCommand[] | undefined {
  const commands: ParsedCommand[] = [];
  const nextToken = (report: boolean): Token => {
    const t = source.next(report);
    if (t.kind === 'error') {
      if (t.message) hooks.error(t.message);
      throw new SyntaxError_();
    }
    return t;
  };
  try {
    for (;;) {
      let def: CommandDef | undefined;
      let st: OptState | undefined;
      let dataOnly = false;
      const opts: ParsedOpt[] = [];
      let tk: Token;
      for (;;) {
        tk = nextToken(true);
        if (tk.kind !== 'arg') break;
        const word = tk.value;
        let opt: OptSpec | undefined;
        let value: string | undefined;
        if (!def || !st) {
          if (word.startsWith('#')) {
            do tk = source.next(false);
            while (tk.kind === 'arg');
            break;
          }
          def = hooks.find(word);
          if (!def) {
            hooks.error(`unknown command: '${word}'`);
            throw new SyntaxError_();
          }
          st = optState(def);
          continue;
        }
        if (!dataOnly && word.startsWith('--') && isAlnum(word[2])) {
          const eq = word.indexOf('=', 2);
          const name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
          const found = lookupOption(def, name, eq >= 0 ? word.slice(eq + 1) : undefined, st, hooks);
          if (!found) {
            if (def.name === 'help') continue;
            throw new SyntaxError_();
          }
          opt = found.opt;
          if (opt.type !== 'bool') {
            if (found.value !== undefined) {
              value = found.value;
            } else {
              tk = nextToken(true);
              if (tk.kind !== 'arg') {
                hooks.error(`expected syntax: --${opt.name} <${opt.type === 'int' ? 'number' : 'string'}>`);
                throw new SyntaxError_();
              }
              value = tk.value;
            }
            if (opt.type !== 'argv') st.needArg.delete(found.index);
          } else if (found.value !== undefined) {
            hooks.error(`invalid '=' after option --${opt.name}`);
            throw new SyntaxError_();
          }
        } else if (!dataOnly && word === '--') {
          dataOnly = true;
          continue;
        } else {
          opt = nextPositional(def, st);
          if (!opt && def.name !== 'help') {
            hooks.error(`unexpected data '${word}'`);
            throw new SyntaxError_();
          }
          value = word;
        }
        if (opt) {
          opts.push({ def: opt, value: opt.type === 'bool' ? undefined : value });
          hooks.debug(
            `${def.name}: ${opt.name}(${opt.type !== 'bool' ? 'optdata' : 'bool'}): ${opt.type !== 'bool' ? value : '(none)'}\n`,
          );
        }
      }
      if (def && st) {
        if (opts.some((o) => o.def.name === 'help')) {
          const help = hooks.find('help');
          if (help) commands.push({ def: help, opts: [{ def: help.opts[0], value: def.name }] });
        } else {
          if (!checkRequired(def, st, hooks)) throw new SyntaxError_();
          commands.push({ def, opts });
        }
      }
      if (tk.kind === 'end' || tk.kind === 'error') break;
    }
  } catch (e) {
    if (e instanceof SyntaxError_) return undefined;
    throw e;
  }
  return commands;
}
