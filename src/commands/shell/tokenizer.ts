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

/** What the scanner found from a position: the end, a command separator, or a word. */
export type Scan =
  | { kind: 'end' }
  | { kind: 'subEnd'; next: number }
  /** `dangling`: a backslash ended the line; `openDouble`: a double quote was never closed. */
  | { kind: 'word'; value: string; next: number; dangling: boolean; openDouble: boolean };

/**
 * vshCommandStringGetArg's scanner: blanks separate words; `;` and newlines separate
 * commands; `#` at the start of a word comments out the rest of the line; single quotes
 * are literal, double quotes allow backslash escapes, backslash-newline disappears.
 * Malformed quoting still yields the word so far, for completion to work on.
 */
export function scanWord(line: string, pos: number): Scan {
  let p = pos;
  while (isBlank(line[p]) || (line[p] === '\\' && line[p + 1] === '\n')) p += line[p] === '\\' ? 2 : 1;
  if (p >= line.length) return { kind: 'end' };
  if (line[p] === ';' || line[p] === '\n') return { kind: 'subEnd', next: p + 1 };
  if (line[p] === '#') {
    while (p < line.length && line[p] !== '\n') p++;
    return { kind: 'subEnd', next: p < line.length ? p + 1 : p };
  }
  let single = false;
  let double = false;
  let value = '';
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
      if (p >= line.length) return { kind: 'word', value, next: p, dangling: true, openDouble: double };
      if (line[p] === '\n') {
        p++;
        continue;
      }
    } else if (!single && c === '"') {
      double = !double;
      p++;
      continue;
    }
    value += line[p++];
  }
  return { kind: 'word', value, next: p, dangling: false, openDouble: double };
}

/** vshCommandStringGetArg: words cut from a command string, quoting errors reported. */
export function stringTokens(line: string): TokenSource {
  let pos = 0;
  return {
    next(report) {
      const scan = scanWord(line, pos);
      if (scan.kind === 'end') return scan;
      pos = scan.next;
      if (scan.kind === 'subEnd') return { kind: 'subEnd' };
      if (scan.dangling) return report ? { kind: 'error', message: 'dangling \\' } : { kind: 'error' };
      if (scan.openDouble && report) return { kind: 'error', message: 'missing "' };
      return { kind: 'arg', value: scan.value };
    },
  };
}
