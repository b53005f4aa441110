/**
 * glibc getopt_long as virsh calls it: option scanning stops at the first non-option
 * word ('+'), and errors are returned rather than printed (':'), so virsh words them.
 */
export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOption {
  name: string;
  arg: ArgKind;
  /** The short option letter this long option reports as. */
  val: string;
}

export type GetoptEvent =
  | { kind: 'option'; val: string; arg: string | undefined; long: boolean }
  /** A required argument is missing (getopt's ':'). */
  | { kind: 'missing'; optopt: string }
  /** Unknown, ambiguous or wrongly-argumented option (getopt's '?'). */
  | { kind: 'unknown'; optopt: string; word: string };

/**
 * Scans `argv` (without the program name). `shorts` is the short-option string without its
 * leading "+:". Returns the events in order and the index of the first operand.
 */
export function* getoptLong(
  argv: readonly string[],
  shorts: string,
  longs: readonly LongOption[],
): Generator<GetoptEvent, number> {
  let i = 0;
  while (i < argv.length) {
    const word = argv[i];
    if (word === '--') return i + 1;
    if (!word.startsWith('-') || word === '-') return i;
    i++;
    if (word.startsWith('--')) {
      const body = word.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      let found = longs.find((o) => o.name === name);
      if (!found) {
        const prefixed = longs.filter((o) => o.name.startsWith(name));
        const ambiguous = prefixed.some((o) => o.arg !== prefixed[0].arg || o.val !== prefixed[0].val);
        if (prefixed.length === 0 || ambiguous) {
          yield { kind: 'unknown', optopt: '', word };
          continue;
        }
        found = prefixed[0];
      }
      if (eq >= 0) {
        if (found.arg === 'none') {
          yield { kind: 'unknown', optopt: found.val, word };
          continue;
        }
        yield { kind: 'option', val: found.val, arg: body.slice(eq + 1), long: true };
      } else if (found.arg === 'required') {
        if (i < argv.length) yield { kind: 'option', val: found.val, arg: argv[i++], long: true };
        else yield { kind: 'missing', optopt: found.val };
      } else {
        yield { kind: 'option', val: found.val, arg: undefined, long: true };
      }
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const c = word[j];
      const at = c === ':' ? -1 : shorts.indexOf(c);
      if (at < 0) {
        yield { kind: 'unknown', optopt: c, word };
        continue;
      }
      if (shorts[at + 1] !== ':') {
        yield { kind: 'option', val: c, arg: undefined, long: false };
        continue;
      }
      if (j + 1 < word.length) yield { kind: 'option', val: c, arg: word.slice(j + 1), long: false };
      else if (i < argv.length) yield { kind: 'option', val: c, arg: argv[i++], long: false };
      else yield { kind: 'missing', optopt: c };
      break;
    }
  }
  return i;
}
