/** The line being edited: its text and the cursor offset (0..text.length). */
export interface Line {
  text: string;
  cursor: number;
}

export const emptyLine: Line = { text: '', cursor: 0 };

const isWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);

/** readline's backward-word: skip non-word characters, then the word. */
function wordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** readline's forward-word: skip non-word characters, then the word. */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

/** unix-word-rubout (Ctrl-W): back to the previous blank, blanks before the word included. */
function blankWordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  return i;
}

/** The editing commands of readline's emacs mode that the REPL binds. */
export const edits = {
  insert: (l: Line, s: string): Line => ({ text: l.text.slice(0, l.cursor) + s + l.text.slice(l.cursor), cursor: l.cursor + s.length }),
  left: (l: Line): Line => ({ ...l, cursor: Math.max(0, l.cursor - 1) }),
  right: (l: Line): Line => ({ ...l, cursor: Math.min(l.text.length, l.cursor + 1) }),
  home: (l: Line): Line => ({ ...l, cursor: 0 }),
  end: (l: Line): Line => ({ ...l, cursor: l.text.length }),
  wordLeft: (l: Line): Line => ({ ...l, cursor: wordStart(l.text, l.cursor) }),
  wordRight: (l: Line): Line => ({ ...l, cursor: wordEnd(l.text, l.cursor) }),
  backspace: (l: Line): Line =>
    l.cursor === 0 ? l : { text: l.text.slice(0, l.cursor - 1) + l.text.slice(l.cursor), cursor: l.cursor - 1 },
  deleteChar: (l: Line): Line => ({ ...l, text: l.text.slice(0, l.cursor) + l.text.slice(l.cursor + 1) }),
  killToEnd: (l: Line): Line => ({ ...l, text: l.text.slice(0, l.cursor) }),
  killToStart: (l: Line): Line => ({ text: l.text.slice(l.cursor), cursor: 0 }),
  killWordBack: (l: Line): Line => {
    const start = blankWordStart(l.text, l.cursor);
    return { text: l.text.slice(0, start) + l.text.slice(l.cursor), cursor: start };
  },
  killWordForward: (l: Line): Line => {
    const end = wordEnd(l.text, l.cursor);
    return { ...l, text: l.text.slice(0, l.cursor) + l.text.slice(end) };
  },
};

/** A line holding `text` with the cursor at its end. */
export const lineOf = (text: string): Line => ({ text, cursor: text.length });
