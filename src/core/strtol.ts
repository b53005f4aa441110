import { virErr, type VirError } from './errors.js';

/**
 * C's strtol family and libvirt's virStrToLong_* / virScaleInteger, so numeric options
 * accept and refuse exactly what virsh does (leading blanks, signs, wrap-around of "-1").
 */

export const ULONG_MAX = (1n << 64n) - 1n;
export const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
export const UINT_MAX = 4294967295n;

interface Scanned {
  negative: boolean;
  magnitude: bigint;
  /** Index just past the last digit consumed (0 when nothing was). */
  end: number;
}

const isCSpace = (c: string) => c === ' ' || (c >= '\t' && c <= '\r');

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

/** The scanning half of strtol/strtoul: blanks, sign, base prefix, digits. */
function scan(s: string, base: number): Scanned | undefined {
  let i = 0;
  while (i < s.length && isCSpace(s[i])) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  const hexPrefix = s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2] ?? '') < 16;
  if ((base === 0 || base === 16) && hexPrefix) {
    base = 16;
    i += 2;
  } else if (base === 0) {
    base = s[i] === '0' ? 8 : 10;
  }
  const start = i;
  let magnitude = 0n;
  while (i < s.length && digitValue(s[i]) < base) magnitude = magnitude * BigInt(base) + BigInt(digitValue(s[i++]));
  if (i === start) return undefined;
  return { negative, magnitude, end: i };
}

/** strtol/strtoll with the whole string required (virStrToLong_* without end_ptr). */
function signedWhole(s: string, base: number, min: bigint, max: bigint): bigint | undefined {
  const r = scan(s, base);
  if (!r || r.end !== s.length) return undefined;
  const v = r.negative ? -r.magnitude : r.magnitude;
  if (v < LONG_MIN || v > LONG_MAX || v < min || v > max) return undefined;
  return v;
}

/** strtoul: the value and the consumed length; undefined on no digits or ERANGE. */
function unsignedScan(s: string, base: number): { value: bigint; end: number; negative: boolean } | undefined {
  const r = scan(s, base);
  if (!r || r.magnitude > ULONG_MAX) return undefined;
  const value = r.negative ? (ULONG_MAX + 1n - r.magnitude) & ULONG_MAX : r.magnitude;
  return { value, end: r.end, negative: r.negative };
}

/** virStrToLong_i */
export function strToInt(s: string, base = 10): number | undefined {
  const v = signedWhole(s, base, INT_MIN, INT_MAX);
  return v === undefined ? undefined : Number(v);
}

/** virStrToLong_ll */
export function strToLongLong(s: string, base = 10): bigint | undefined {
  return signedWhole(s, base, LONG_MIN, LONG_MAX);
}

/** virStrToLong_ui (wrap: "-1" is UINT_MAX) and virStrToLong_uip (no sign allowed). */
export function strToUInt(s: string, wrap: boolean, base = 10): number | undefined {
  const r = unsignedScan(s, base);
  if (!r || r.end !== s.length) return undefined;
  let value = r.value;
  if (r.negative) {
    if (!wrap) return undefined;
    if ((ULONG_MAX + 1n - value) % (ULONG_MAX + 1n) > UINT_MAX) return undefined;
    value &= UINT_MAX;
  }
  return value > UINT_MAX ? undefined : Number(value);
}

/** virStrToLong_ull / virStrToLong_ul (wrap) and the *p variants refusing a sign. */
export function strToULongLong(s: string, wrap: boolean, base = 10): bigint | undefined {
  const r = unsignedScan(s, base);
  if (!r || r.end !== s.length || (r.negative && !wrap)) return undefined;
  return r.value;
}

/** virStrToLong_ullp with an end pointer: the number and the unparsed rest. */
export function strToULongLongPrefix(s: string): { value: bigint; rest: string } | undefined {
  const r = unsignedScan(s, 10);
  if (!r || r.negative) return undefined;
  return { value: r.value, rest: s.slice(r.end) };
}

/**
 * virScaleInteger: multiplies by the unit a suffix names (b, k/KiB = 1024, KB = 1000, … up
 * to E), or by `scale` without a suffix. Returns libvirt's error when the suffix is unknown
 * or the result exceeds `limit`, for virsh, which reports it after its own.
 */
export function scaleIntegerResult(value: bigint, suffix: string, scale: bigint, limit: bigint): bigint | VirError {
  if (!suffix) {
    if (!scale) return virErr('INTERNAL_ERROR', `invalid scale ${scale}`);
  } else if (['b', 'byte', 'bytes'].includes(suffix.toLowerCase())) {
    scale = 1n;
  } else {
    let base: bigint;
    if (suffix.length === 1 || suffix.slice(1).toLowerCase() === 'ib') base = 1024n;
    else if (suffix[1].toLowerCase() === 'b' && suffix.length === 2) base = 1000n;
    else return virErr('INVALID_ARG', `unknown suffix '${suffix}'`);
    const power = 'kmgtpe'.indexOf(suffix[0].toLowerCase());
    if (power < 0) return virErr('INVALID_ARG', `unknown suffix '${suffix}'`);
    scale = base ** BigInt(power + 1);
  }
  if (value && value > limit / scale) return virErr('OVERFLOW', `value too large: ${value}${suffix}`);
  return value * scale;
}

/** virScaleInteger, throwing its error (the XML parsers' way). */
export function scaleInteger(value: bigint, suffix: string | undefined, scale: bigint, limit: bigint): bigint {
  const r = scaleIntegerResult(value, suffix ?? '', scale, limit);
  if (typeof r !== 'bigint') throw r;
  return r;
}
