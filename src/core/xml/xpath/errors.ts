/**
 * XPath failures as libxml2 reports them: its error numbers index its message table, and the
 * offset (where the parser stood) decides whether the expression is echoed with a caret.
 */
export const XPathCode = {
  NUMBER: 1,
  UNFINISHED_LITERAL: 2,
  START_LITERAL: 3,
  VARIABLE_REF: 4,
  UNDEF_VARIABLE: 5,
  INVALID_PREDICATE: 6,
  EXPR: 7,
  UNCLOSED: 8,
  UNKNOWN_FUNC: 9,
  INVALID_OPERAND: 10,
  INVALID_TYPE: 11,
  INVALID_ARITY: 12,
  UNDEF_PREFIX: 19,
} as const;

const MESSAGES: Record<number, string> = {
  1: 'Number encoding',
  2: 'Unfinished literal',
  3: 'Start of literal',
  4: 'Expected $ for variable reference',
  5: 'Undefined variable',
  6: 'Invalid predicate',
  7: 'Invalid expression',
  8: 'Missing closing curly brace',
  9: 'Unregistered function',
  10: 'Invalid operand',
  11: 'Invalid type',
  12: 'Invalid number of arguments',
  19: 'Undefined namespace prefix',
};

export class XPathError extends Error {
  constructor(
    readonly code: number | undefined,
    /** Parser offset; evaluation errors carry the expression's length (no caret). */
    readonly pos: number,
    /** A generic-error line libxml2 prints first (e.g. unknown function). */
    readonly preface?: string,
    /** A second report libxml2 makes after this one (it carries on after some errors). */
    readonly then?: XPathError,
  ) {
    super(code === undefined ? (preface ?? '') : MESSAGES[code]);
  }
}

/**
 * What libxml2 writes to stderr for a failed evaluation: the preface line, then
 * "XPath error : MESSAGE" and, when the failure is inside the expression, the expression
 * with a caret under the offending character.
 */
export function formatXPathError(err: XPathError, expr: string): string {
  let out = err.preface !== undefined ? `${err.preface}\n` : '';
  if (err.code !== undefined) {
    out += `XPath error : ${MESSAGES[err.code]}\n`;
    // libxml2 counts bytes, not characters.
    const at = Buffer.byteLength(expr.slice(0, err.pos));
    if (at < 100 && at < Buffer.byteLength(expr)) out += `${expr}\n${' '.repeat(at)}^\n`;
  }
  return err.then ? out + formatXPathError(err.then, expr) : out;
}
