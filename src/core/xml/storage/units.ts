import { virErr } from '../../errors.js';

export const ULLONG_MAX = (1n << 64n) - 1n;
export const LLONG_MAX = (1n << 63n) - 1n;

/**
 * virStrToLong_ullp: an unsigned decimal with optional leading spaces and '+', no sign '-'.
 * Returns the value and the unparsed rest, or undefined when no digits start the text.
 */
export function parseULongPrefix(text: string): { value: bigint; rest: string } | undefined {
  const m = /^[ \t\n\v\f\r]*\+?(\d+)/.exec(text);
  if (!m) return undefined;
  const value = BigInt(m[1]);
  if (value > ULLONG_MAX) return undefined;
  return { value, rest: text.slice(m[0].length) };
}

function unitScale(suffix: string): bigint {
  const lower = suffix.toLowerCase();
  if (lower === 'b' || lower === 'byte' || lower === 'bytes') return 1n;
  let base: bigint;
  if (suffix.length === 1 || suffix.slice(1).toLowerCase() === 'ib') base = 1024n;
  else if (suffix.length === 2 && lower[1] === 'b') base = 1000n;
  else throw virErr('INVALID_ARG', `unknown suffix '${suffix}'`);
  const power = 'kmgtpe'.indexOf(lower[0]) + 1;
  if (power === 0) throw virErr('INVALID_ARG', `unknown suffix '${suffix}'`);
  return base ** BigInt(power);
}

/** virScaleInteger: `value` times the unit `suffix` (empty → `scale`), capped at `limit`. */
export function scaleInteger(value: bigint, suffix: string | undefined, scale: bigint, limit: bigint): bigint {
  const factor = suffix ? unitScale(suffix) : scale;
  if (value !== 0n && value > limit / factor) {
    throw virErr('OVERFLOW', `value too large: ${value}${suffix ?? ''}`);
  }
  return value * factor;
}
