// The error libvirt's JSON parser (yajl 2, comments and trailing garbage refused) reports for
// text that is not JSON, worded and placed as yajl_get_error(verbose) renders it: the error,
// the text around the offset where yajl stopped, and an arrow under that offset.

type Tok = { kind: 'lbrace' | 'rbrace' | 'lbracket' | 'rbracket' | 'comma' | 'colon' | 'string' | 'atom'; end: number; len: number };
type LexResult = Tok | { kind: 'eof' } | { kind: 'error'; offset: number; message: string };

const HEX = /[0-9a-fA-F]/;
const DIGIT = /[0-9]/;
const SINGLE: Record<string, Tok['kind']> = { '{': 'lbrace', '}': 'rbrace', '[': 'lbracket', ']': 'rbracket', ',': 'comma', ':': 'colon' };

/** yajl_lex_lex from `i`: a token with its end offset and length (a string's without quotes). */
function lex(s: string, start: number): LexResult {
  let i = start;
  while (i < s.length && /[\t\n\v\f\r ]/.test(s[i])) i++;
  if (i >= s.length) return { kind: 'eof' };
  const at = i;
  const ch = s[i++];
  const err = (offset: number, message: string): LexResult => ({ kind: 'error', offset, message });
  if (SINGLE[ch]) return { kind: SINGLE[ch], end: i, len: 1 };
  if (ch === '"') {
    for (;;) {
      if (i >= s.length) return { kind: 'eof' };
      const c = s[i++];
      if (c === '"') return { kind: 'string', end: i, len: i - at - 2 };
      if (c === '\\') {
        if (i >= s.length) return { kind: 'eof' };
        const e = s[i++];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            if (i >= s.length) return { kind: 'eof' };
            if (!HEX.test(s[i++])) return err(i - 1, "invalid (non-hex) character occurs after '\\u' inside string.");
          }
        } else if (!'"\\/bfnrt'.includes(e)) return err(i - 1, "inside a string, '\\' occurs before a character which it may not.");
      } else if (c.charCodeAt(0) < 0x20) return err(i - 1, 'invalid character inside string.');
    }
  }
  const word = { t: 'true', f: 'false', n: 'null' }[ch];
  if (word) {
    for (const w of word.slice(1)) {
      if (i >= s.length) return { kind: 'eof' };
      if (s[i++] !== w) return err(i - 1, 'invalid string in json text.');
    }
    return { kind: 'atom', end: i, len: word.length };
  }
  if (ch === '-' || DIGIT.test(ch)) {
    let c = ch === '-' ? s[i++] : ch;
    if (c === '0') c = s[i++];
    else if (c !== undefined && DIGIT.test(c)) while (DIGIT.test((c = s[i++]) ?? '')) ;
    else return c === undefined ? { kind: 'eof' } : err(i - 1, 'malformed number, a digit is required after the minus sign.');
    if (c === '.') {
      let digits = 0;
      while (DIGIT.test((c = s[i++]) ?? '')) digits++;
      if (!digits) return c === undefined ? { kind: 'eof' } : err(i - 1, 'malformed number, a digit is required after the decimal point.');
    }
    if (c === 'e' || c === 'E') {
      c = s[i++];
      if (c === '+' || c === '-') c = s[i++];
      if (c === undefined) return { kind: 'eof' };
      if (!DIGIT.test(c)) return err(i - 1, 'malformed number, a digit is required after the exponent.');
      while (DIGIT.test((c = s[i++]) ?? '')) ;
    }
    if (c === undefined) return { kind: 'eof' };
    // The character that ended the number is left for the next token.
    return { kind: 'atom', end: i - 1, len: i - 1 - at };
  }
  if (ch === '/') return err(at, 'probable comment found in input text, comments are not enabled.');
  return err(i, 'invalid char in json text.');
}

type State = 'start' | 'complete' | 'mapStart' | 'mapNeedKey' | 'mapSep' | 'mapNeedVal' | 'mapGotVal' | 'arrayStart' | 'arrayNeedVal' | 'arrayGotVal';

/** The state a value leaves behind in the state that expected it. */
const AFTER_VALUE: Partial<Record<State, State>> = { start: 'complete', mapNeedVal: 'mapGotVal', arrayNeedVal: 'arrayGotVal', arrayStart: 'arrayGotVal' };

/** yajl_do_parse + yajl_complete_parse: where yajl stops on `s` and why; undefined when `s` is one JSON value. */
function firstError(s: string): { kind: 'lexical' | 'parse'; message: string; offset: number } | undefined {
  const stack: State[] = ['start'];
  const set = (st: State) => (stack[stack.length - 1] = st);
  const parseErr = (message: string, offset: number) => ({ kind: 'parse' as const, message, offset });
  let pos = 0;
  for (;;) {
    const t = lex(s, pos);
    const state = stack[stack.length - 1];
    // yajl_complete_parse feeds one more byte (a space): an unfinished text ends at offset 1.
    if (t.kind === 'eof') return state === 'complete' ? undefined : parseErr('premature EOF', 1);
    if (t.kind === 'error') return state === 'complete' ? parseErr('trailing garbage', t.offset) : { kind: 'lexical', message: t.message, offset: t.offset };
    pos = t.end;
    const after = AFTER_VALUE[state];
    if (state === 'complete') return parseErr('trailing garbage', t.end);
    if (after) {
      if (t.kind === 'rbracket' && state === 'arrayStart') stack.pop();
      else if (t.kind === 'string' || t.kind === 'atom') set(after);
      else if (t.kind === 'lbrace' || t.kind === 'lbracket') {
        set(after);
        stack.push(t.kind === 'lbrace' ? 'mapStart' : 'arrayStart');
      } else return parseErr('unallowed token at this point in JSON text', t.end);
    } else if (state === 'mapStart' || state === 'mapNeedKey') {
      if (t.kind === 'string') set('mapSep');
      else if (t.kind === 'rbrace' && state === 'mapStart') stack.pop();
      else return parseErr('invalid object key (must be a string)', t.end);
    } else if (state === 'mapSep') {
      if (t.kind !== 'colon') return parseErr("object key and value must be separated by a colon (':')", t.end);
      set('mapNeedVal');
    } else if (state === 'mapGotVal') {
      if (t.kind === 'comma') set('mapNeedKey');
      else if (t.kind === 'rbrace') stack.pop();
      // Here yajl moves the offset back by the length of the token's text.
      else return parseErr("after key and value, inside map, I expect ',' or '}'", Math.max(0, t.end - t.len));
    } else if (t.kind === 'comma') set('arrayNeedVal');
    else if (t.kind === 'rbracket') stack.pop();
    else return parseErr("after array element, I expect ',' or ']'", t.end);
  }
}

/** yajl_get_error(handle, verbose=1) for `text`, or undefined when it parses. */
export function yajlError(text: string): string | undefined {
  const e = firstError(text);
  if (!e) return undefined;
  const { offset } = e;
  const start = offset >= 30 ? offset - 30 : 0;
  const end = Math.min(text.length, offset + 30);
  const around = ' '.repeat(offset < 30 ? 40 - offset : 10) + text.slice(start, end).replace(/[\n\r]/g, ' ');
  return `${e.kind} error: ${e.message}\n${around}\n                     (right here) ------^\n`;
}
