/**
 * libxml2 first offers an expression without '[', '(', '@' or ':' to its streaming pattern
 * compiler, which splits alternatives on '|' and ignores an empty last one. So "a|" selects
 * what "a" does, where the XPath grammar alone would reject it. Returns the expression the
 * pattern compiler effectively accepted, or undefined when it is left to XPath.
 */
const STEP = String.raw`(?:[\p{L}_][\p{L}\p{N}\p{M}._\-]*|\*|\.)`;
const PATH = new RegExp(String.raw`^\s*(?:\/\/?)?${STEP}(?:\s*\/\/?\s*${STEP})*\s*$`, 'u');

export function streamingEquivalent(expr: string): string | undefined {
  if (/[[(@:]/.test(expr) || !expr.endsWith('|')) return undefined;
  const alts = expr.slice(0, -1).split('|');
  const lastIsRoot = alts.length > 1 && alts[alts.length - 1].trim() === '/';
  const paths = lastIsRoot ? alts.slice(0, -1) : alts;
  return paths.every((a) => PATH.test(a)) ? expr.slice(0, -1) : undefined;
}
