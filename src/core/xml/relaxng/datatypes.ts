/**
 * The datatype libraries libxml2 registers for RelaxNG: its built-in one (string, token) and
 * XML Schema's (xmlschemastypes.c) for the types libvirt's schemas use, with the facets
 * pattern, min/maxInclusive, min/maxExclusive, length, minLength and maxLength.
 */
import { DEFAULT_LIB, XSD_LIB } from './parse.js';

/** libxml2's check result: 1 valid, 0 invalid, -1 unknown type. */
export type CheckResult = 1 | 0 | -1;

const collapse = (s: string) => s.replace(/[ \t\n\r]+/g, ' ').trim();

/** xmlSchemaParseUInt's limit: at most 24 significant digits. */
function parseDigits(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const sig = s.replace(/^0+/, '');
  if (sig.length > 24) return undefined;
  return BigInt(s);
}

interface IntType {
  signed: boolean;
  min: bigint;
  max: bigint;
}

const INT_TYPES: Record<string, IntType> = {
  integer: { signed: true, min: -(10n ** 24n), max: 10n ** 24n },
  positiveInteger: { signed: true, min: 1n, max: 10n ** 24n },
  nonNegativeInteger: { signed: true, min: 0n, max: 10n ** 24n },
  long: { signed: true, min: -(2n ** 63n), max: 2n ** 63n - 1n },
  int: { signed: true, min: -(2n ** 31n), max: 2n ** 31n - 1n },
  short: { signed: true, min: -32768n, max: 32767n },
  byte: { signed: true, min: -128n, max: 127n },
  unsignedLong: { signed: false, min: 0n, max: 2n ** 64n - 1n },
  unsignedInt: { signed: false, min: 0n, max: 2n ** 32n - 1n },
  unsignedShort: { signed: false, min: 0n, max: 65535n },
  unsignedByte: { signed: false, min: 0n, max: 255n },
};

function parseInteger(type: IntType, raw: string): bigint | undefined {
  let s = collapse(raw);
  let neg = false;
  if (type.signed && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const v = parseDigits(s);
  if (v === undefined) return undefined;
  const n = neg ? -v : v;
  return n < type.min || n > type.max ? undefined : n;
}

const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}_.\-\u00B7]*$/u;
const DOUBLE = /^([+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN)$/;
const DATETIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?$/;

/** A parsed value for facet comparison: numbers as bigint or number, otherwise the string. */
type Value = bigint | number | string;

function xsdValue(type: string, raw: string): Value | undefined {
  const it = INT_TYPES[type];
  if (it) return parseInteger(it, raw);
  switch (type) {
    case 'string':
      return raw;
    case 'token':
    case 'normalizedString':
    case 'anyURI':
      return collapse(raw);
    case 'NCName':
    case 'ID':
    case 'IDREF':
      return NCNAME.test(collapse(raw)) ? collapse(raw) : undefined;
    case 'double':
    case 'float':
    case 'decimal': {
      const s = collapse(raw);
      if (!DOUBLE.test(s) || (type === 'decimal' && /[eEIN]/.test(s))) return undefined;
      return s === 'INF' || s === '+INF' ? Infinity : s === '-INF' ? -Infinity : Number(s);
    }
    case 'dateTime':
      return DATETIME.test(collapse(raw)) ? collapse(raw) : undefined;
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(collapse(raw)) ? collapse(raw) : undefined;
    default:
      return undefined;
  }
}

const KNOWN_XSD = new Set([...Object.keys(INT_TYPES), 'string', 'token', 'normalizedString', 'anyURI', 'NCName', 'ID', 'IDREF', 'double', 'float', 'decimal', 'dateTime', 'boolean']);

/** lib->check: does `value` belong to the type's lexical space. */
export function checkType(library: string, type: string, value: string): CheckResult {
  if (library === DEFAULT_LIB) return type === 'string' || type === 'token' ? 1 : 0;
  if (library !== XSD_LIB || !KNOWN_XSD.has(type)) return -1;
  return xsdValue(type, value) === undefined ? 0 : 1;
}

/** Converts an XML Schema regular expression (implicitly anchored) to a JavaScript one. */
export function xsdRegex(src: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (src[i + 1] === ']') {
        out += '\\]';
        i++;
      }
    } else if (c === '^' || c === '$') out += `\\${c}`;
    else out += c;
  }
  return new RegExp(`^(?:${out})$`);
}

const patternCache = new Map<string, RegExp>();

function compare(a: Value, b: Value): number {
  if (typeof a === 'string' || typeof b === 'string') return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** lib->facet: true when `value` satisfies the facet. */
export function checkFacet(type: string, facet: string, facetValue: string, value: string): boolean {
  switch (facet) {
    case 'pattern': {
      let re = patternCache.get(facetValue);
      if (!re) patternCache.set(facetValue, (re = xsdRegex(facetValue)));
      return re.test(value);
    }
    case 'length':
    case 'minLength':
    case 'maxLength': {
      const len = [...(type === 'string' ? value : collapse(value))].length;
      const n = Number(facetValue);
      return facet === 'length' ? len === n : facet === 'minLength' ? len >= n : len <= n;
    }
    case 'minInclusive':
    case 'maxInclusive':
    case 'minExclusive':
    case 'maxExclusive': {
      const v = xsdValue(type, value);
      const limit = xsdValue(type, facetValue);
      if (v === undefined || limit === undefined) return false;
      const c = compare(v, limit);
      return facet === 'minInclusive' ? c >= 0 : facet === 'maxInclusive' ? c <= 0 : facet === 'minExclusive' ? c > 0 : c < 0;
    }
    default:
      return false;
  }
}

/** lib->comp for <value type=…>: equal once both sides are read as the type. */
export function compareTyped(library: string, type: string, literal: string, value: string): CheckResult {
  if (library === DEFAULT_LIB) {
    if (type === 'string') return literal === value ? 1 : 0;
    return collapse(literal) === collapse(value) ? 1 : 0;
  }
  const a = xsdValue(type, literal);
  const b = xsdValue(type, value);
  if (a === undefined || b === undefined) return -1;
  return compare(a, b) === 0 ? 1 : 0;
}
