import type { CommandDef } from '../../commands/types.js';
import type { OptSpec } from '../../commands/spec/types.js';
import { scanWord } from '../../commands/shell/tokenizer.js';

/** One option of the command being typed, as the partial parse resolved it. */
export interface PartialOpt {
  def: OptSpec;
  value: string | undefined;
  /** The word under the cursor belongs to this option (vsh's completeThis). */
  completeThis: boolean;
}

/** The last command of a line cut at the cursor (vshCommandStringParse with `partial`). */
export interface PartialCommand {
  def: CommandDef | undefined;
  opts: PartialOpt[];
}

interface Word {
  value: string;
  /** Offset just past the word. */
  end: number;
}

type Step = { kind: 'arg'; word: Word } | { kind: 'subEnd' } | { kind: 'end'; at: number };

/**
 * vshCommandStringGetArg without error reports: a dangling backslash or open quote still
 * yields the word typed so far. `at` on end is where scanning stopped (vsh leaves its
 * position before the trailing blanks).
 */
function nextWord(line: string, pos: number): { step: Step; pos: number } {
  const scan = scanWord(line, pos);
  if (scan.kind === 'end') return { step: { kind: 'end', at: pos }, pos };
  if (scan.kind === 'subEnd') return { step: { kind: 'subEnd' }, pos: scan.next };
  return { step: { kind: 'arg', word: { value: scan.value, end: scan.next } }, pos: scan.next };
}

/** vshCmddefGetOption without reports: follows alias options; undefined for unknown ones. */
function findOption(def: CommandDef, name: string): { opt: OptSpec; index: number; value?: string } | undefined {
  let implied: string | undefined;
  for (let i = 0; i < def.opts.length; i++) {
    const o = def.opts[i];
    if (o.name !== name) continue;
    if (o.type === 'alias') {
      const target = o.alias ?? '';
      const eq = target.indexOf('=');
      name = eq >= 0 ? target.slice(0, eq) : target;
      if (eq >= 0) implied = target.slice(eq + 1);
      continue;
    }
    return { opt: o, index: i, value: implied };
  }
  return undefined;
}

/**
 * Parses `line` (already cut at the cursor, so the cursor is at its end) the way virsh's
 * completion does: only the command after the last `;` matters, parsing stops at the first
 * error, and the option whose word ends at the cursor (or whose value is missing right
 * after `--opt `) is the one to complete.
 */
export function parsePartial(line: string, find: (name: string) => CommandDef | undefined): PartialCommand | undefined {
  const point = line.length;
  let pos = 0;
  let current: PartialCommand | undefined;
  for (;;) {
    current = undefined;
    let def: CommandDef | undefined;
    const opts: PartialOpt[] = [];
    const needArg = new Set<number>();
    const seen = new Set<number>();
    let dataOnly = false;
    let ended = false;
    const syntaxError = (): PartialCommand => ({ def, opts });
    for (;;) {
      const r = nextWord(line, pos);
      pos = r.pos;
      const step = r.step;
      if (step.kind !== 'arg') {
        ended = step.kind === 'end';
        break;
      }
      const w = step.word;
      if (!def) {
        if (w.value.startsWith('#')) {
          while (pos < line.length && line[pos] !== '\n') pos++;
          break;
        }
        def = find(w.value);
        if (!def) return { def: undefined, opts };
        def.opts.forEach((o, i) => {
          if (o.type !== 'bool' && o.type !== 'alias' && !o.reqOpt) needArg.add(i);
        });
        continue;
      }
      let opt: OptSpec | undefined;
      let value: string | undefined;
      if (!dataOnly && w.value.startsWith('--') && /^[A-Za-z0-9]/.test(w.value.slice(2))) {
        const eq = w.value.indexOf('=', 2);
        const name = eq >= 0 ? w.value.slice(2, eq) : w.value.slice(2);
        const found = findOption(def, name);
        if (!found || (seen.has(found.index) && found.opt.type !== 'argv')) return syntaxError();
        seen.add(found.index);
        opt = found.opt;
        value = eq >= 0 ? w.value.slice(eq + 1) : found.value;
        if (opt.type !== 'bool') {
          if (value === undefined) {
            const v = nextWord(line, pos);
            if (v.step.kind !== 'arg') {
              opts.push({ def: opt, value: '', completeThis: pos === point - 1 });
              return syntaxError();
            }
            pos = v.pos;
            value = v.step.word.value;
          }
          if (opt.type !== 'argv') needArg.delete(found.index);
        } else if (eq >= 0) {
          return syntaxError();
        }
      } else if (!dataOnly && w.value === '--') {
        dataOnly = true;
        continue;
      } else {
        const free = [...needArg].sort((a, b) => a - b)[0];
        if (free === undefined) {
          if (def.name !== 'help') return syntaxError();
          continue;
        }
        opt = def.opts[free];
        seen.add(free);
        if (opt.type !== 'argv') needArg.delete(free);
        value = w.value;
      }
      opts.push({ def: opt, value, completeThis: pos === point });
    }
    if (def) current = { def, opts };
    if (ended) return current;
  }
}
