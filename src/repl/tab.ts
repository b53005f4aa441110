import { commonPrefix } from './complete/engine.js';
import type { Line } from './editor.js';
import type { ReplHost } from './host.js';
import { pathCandidates, wordAt } from './words.js';

/** What one Tab did: the new line, and the candidates to list when it stayed ambiguous. */
export interface TabResult {
  line: Line;
  list?: string[];
}

/**
 * readline's complete: the word at the cursor becomes the one candidate (plus a space, or
 * nothing after a directory), or grows to the candidates' common prefix; when it cannot
 * grow, the candidates are listed.
 */
export async function tabComplete(line: Line, host: ReplHost): Promise<TabResult> {
  const before = line.text.slice(0, line.cursor);
  const word = wordAt(before);
  let candidates = await host.complete(before, word.text, word.quoted);
  if ((!candidates || candidates.length === 0) && host.wantsPath(before)) candidates = pathCandidates(word.text);
  if (!candidates || candidates.length === 0) return { line };
  const replace = (s: string): Line => ({
    text: line.text.slice(0, word.start) + s + line.text.slice(line.cursor),
    cursor: word.start + s.length,
  });
  if (candidates.length === 1) {
    const only = candidates[0];
    const close = word.quoted ? line.text[word.start - 1] : '';
    return { line: replace(only.endsWith('/') ? only : `${only}${close} `) };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.text.length) return { line: replace(prefix) };
  return { line, list: candidates };
}
