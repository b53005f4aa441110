import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** rl_basic_word_break_characters as virsh sets them. */
const BREAK = ' \t\n`@$><=;|&{(';

/** The word readline completes: where it starts, its text, and whether it opened a quote. */
export interface Word {
  start: number;
  text: string;
  quoted: boolean;
}

/**
 * readline's _rl_find_completion_word with virsh's settings: the word starts after the last
 * unquoted break character before the cursor, or after an unclosed quote.
 */
export function wordAt(before: string): Word {
  let quote: string | undefined;
  let quoteAt = -1;
  let lastBreak = -1;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (c === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      quoteAt = i;
    } else if (BREAK.includes(c)) {
      lastBreak = i;
    }
  }
  if (quote) return { start: quoteAt + 1, text: before.slice(quoteAt + 1), quoted: true };
  return { start: lastBreak + 1, text: before.slice(lastBreak + 1), quoted: false };
}

/** readline's filename completion: entries of the word's directory, directories with '/'. */
export function pathCandidates(text: string): string[] {
  const slash = text.lastIndexOf('/');
  const prefix = text.slice(0, slash + 1);
  const base = text.slice(slash + 1);
  let names: string[];
  try {
    names = readdirSync(prefix || '.');
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .sort()
    .map((n) => {
      let isDir = false;
      try {
        isDir = statSync(join(prefix || '.', n)).isDirectory();
      } catch {
        // a dangling link completes as a file
      }
      return `${prefix}${n}${isDir ? '/' : ''}`;
    });
}
