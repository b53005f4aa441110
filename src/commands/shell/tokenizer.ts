/**
 * Token sources for the command parser (vsh's getNextArg): one word per argv element, or
 * words cut from a command string with the shell's quoting rules.
 */
export type Token =
  | { kind: 'arg'; value: string }
  /** `;` or a newline: the current command ends, another may follow. */
  | { kind: 'subEnd' }
  | { kind: 'end' }
  /** Malformed quoting; `message` is set when the caller asked for a report. */
  | { kind: 'error'; message?: string };

export interface TokenSource {
  next(report: boolean): Token;
}

/** vshCommandArgvGetArg: each argv word is one token, taken verbatim. */
export function argvTokens(words: readonly string[]): TokenSource {
  let pos = 0;
  return {
    next: () => (pos < words.length ? { kind: 'arg', value: words[pos++] } : { kind: 'end' }),
  };
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * vshCommandStringGetArg: blanks separate words; `;` and newlines separate commands; `#`
 * at the start of a word comments out the rest of the line; single quotes are literal,
 * double quotes allow backslash escapes, backslash-newline disappears.
 */
export function stringTokens(line: string): TokenSource {
  let pos = 0;
  return {
    next(report) {
      let p = pos;
      while (isBlank(line[p]) || (line[p] === '\\' && line[p + 1] === '\n')) p += line[p] === '\\' ? 2 : 1;
      if (p >= line.length) return { kind: 'end' };
      if (line[p] === ';' || line[p] === '\n') {
        pos = p + 1;
        return { kind: 'subEnd' };
      }
      if (line[p] === '#') {
        while (p < line.length && line[p] !== '\n') p++;
        pos = p < line.length ? p + 1 : p;
        return { kind: 'subEnd' };
      }
      let single = false;
      let double = false;
      let out = '';
      while (p < line.length) {
        const c = line[p];
        if (!single && !double && (isBlank(c) || c === ';' || c === '\n')) break;
        if (!double && c === "'") {
          single = !single;
          p++;
          continue;
        }
        if (!single && c === '\\') {
          p++;
          if (p >= line.length) return report ? { kind: 'error', message: 'dangling \\' } : { kind: 'error' };
          if (line[p] === '\n') {
            p++;
            continue;
          }
        } else if (!single && c === '"') {
          double = !double;
          p++;
          continue;
        }
        out += line[p++];
      }
      if (double && report) return { kind: 'error', message: 'missing "' };
      pos = p;
      return { kind: 'arg', value: out };
    },
  };
}
