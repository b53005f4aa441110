/** One key press: a named key (with modifiers) or a run of printable text. */
export interface KeyPress {
  /** 'text', a letter (with ctrl or meta), or a key: return tab backspace delete up down left right home end escape pageup pagedown. */
  name: string;
  /** The characters, for 'text'. */
  text: string;
  ctrl: boolean;
  meta: boolean;
}

/** CSI and SS3 sequences xterm-like terminals send, by final part. */
const sequences: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '5~': 'pageup',
  '6~': 'pagedown',
};

const press = (name: string, extra: Partial<KeyPress> = {}): KeyPress => ({ name, text: '', ctrl: false, meta: false, ...extra });

/**
 * Splits terminal input into key presses. A chunk may hold several keys (typing ahead,
 * a script driving the terminal), so each is cut out on its own; a bracketed paste is
 * one run of text.
 */
export function parseKeys(data: string): KeyPress[] {
  const keys: KeyPress[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i];
    if (data.startsWith('\x1b[200~', i)) {
      const end = data.indexOf('\x1b[201~', i);
      const stop = end < 0 ? data.length : end;
      keys.push(press('text', { text: data.slice(i + 6, stop) }));
      i = end < 0 ? stop : stop + 6;
      continue;
    }
    if (c === '\x1b') {
      const m = /^\x1b(?:\[|O)(?:(\d+)(?:;(\d+))?)?([A-Za-z~])/.exec(data.slice(i));
      if (m) {
        const [all, num, mod, final] = m;
        const name = sequences[final === '~' ? `${num}~` : final];
        const modBits = mod ? Number(mod) - 1 : 0;
        if (name) keys.push(press(name, { meta: (modBits & 2) !== 0, ctrl: (modBits & 4) !== 0 }));
        i += all.length;
        continue;
      }
      const next = data[i + 1];
      if (next === undefined) {
        keys.push(press('escape'));
        i++;
      } else if (next === '\x7f' || next === '\b') {
        keys.push(press('backspace', { meta: true }));
        i += 2;
      } else {
        keys.push(press(next.toLowerCase(), { meta: true }));
        i += 2;
      }
      continue;
    }
    if (c === '\r' || c === '\n') keys.push(press('return'));
    else if (c === '\t') keys.push(press('tab'));
    else if (c === '\x7f' || c === '\b') keys.push(press('backspace'));
    else if (c < ' ') keys.push(press(String.fromCharCode(c.charCodeAt(0) + 96), { ctrl: true }));
    else {
      let j = i;
      while (j < data.length && data[j] >= ' ' && data[j] !== '\x7f' && data[j] !== '\x1b') j++;
      keys.push(press('text', { text: data.slice(i, j) }));
      i = j;
      continue;
    }
    i++;
  }
  return keys;
}
