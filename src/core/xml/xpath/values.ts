import { stringValue, type XNodeAny } from './dom.js';

/** XPath's four value types. Node-sets are kept in document order without duplicates. */
export type Value =
  | { t: 'nodes'; v: XNodeAny[] }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'boolean'; v: boolean };

export const nodes = (v: XNodeAny[]): Value => ({ t: 'nodes', v });
export const str = (v: string): Value => ({ t: 'string', v });
export const num = (v: number): Value => ({ t: 'number', v });
export const bool = (v: boolean): Value => ({ t: 'boolean', v });

/** xmlXPathStringEvalNumber: optional blanks, '-', digits with a '.', an exponent; else NaN. */
export function stringToNumber(s: string): number {
  const m = /^[ \t\n\r]*(-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[ \t\n\r]*$/.exec(s);
  return m ? Number(m[1]) : NaN;
}

/** xmlXPathFormatNumber: integers plainly, others with 15 significant digits, zeros trimmed. */
export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return '0';
  if (Number.isInteger(n) && n > -2147483648 && n < 2147483647) return String(n);
  const abs = Math.abs(n);
  if (abs > 1e9 || abs < 1e-5) {
    const [mant, exp] = n.toExponential(14).split('e');
    const e = Number(exp);
    const trimmed = mant.replace(/0+$/, '').replace(/\.$/, '');
    return `${trimmed}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const intPlace = Math.trunc(Math.log10(abs));
  const frac = intPlace > 0 ? 15 - intPlace - 1 : 15 - intPlace;
  return n.toFixed(frac).replace(/0+$/, '').replace(/\.$/, '');
}

export function toString(v: Value): string {
  switch (v.t) {
    case 'nodes':
      return v.v.length ? stringValue(v.v[0]) : '';
    case 'string':
      return v.v;
    case 'number':
      return numberToString(v.v);
    case 'boolean':
      return v.v ? 'true' : 'false';
  }
}

export function toNumber(v: Value): number {
  switch (v.t) {
    case 'number':
      return v.v;
    case 'boolean':
      return v.v ? 1 : 0;
    default:
      return stringToNumber(toString(v));
  }
}

export function toBoolean(v: Value): boolean {
  switch (v.t) {
    case 'nodes':
      return v.v.length > 0;
    case 'string':
      return v.v.length > 0;
    case 'number':
      return v.v !== 0 && !Number.isNaN(v.v);
    case 'boolean':
      return v.v;
  }
}

/** `=` and `!=` with XPath 1.0's node-set rules (existential over the nodes). */
export function equals(a: Value, b: Value, negate: boolean): boolean {
  if (a.t !== 'nodes' && b.t === 'nodes') return equals(b, a, negate);
  if (a.t === 'nodes') {
    if (b.t === 'boolean') return toBoolean(a) === b.v ? !negate : negate;
    const left = a.v.map(stringValue);
    if (b.t === 'nodes') {
      const right = b.v.map(stringValue);
      return left.some((l) => right.some((r) => (l === r) !== negate));
    }
    if (b.t === 'number') return left.some((l) => (stringToNumber(l) === b.v) !== negate);
    return left.some((l) => (l === b.v) !== negate);
  }
  let eq: boolean;
  if (a.t === 'boolean' || b.t === 'boolean') eq = toBoolean(a) === toBoolean(b);
  else if (a.t === 'number' || b.t === 'number') eq = toNumber(a) === toNumber(b);
  else eq = a.v === b.v;
  return eq !== negate;
}

const order = (x: number, y: number, less: boolean, strict: boolean) =>
  less ? (strict ? x < y : x <= y) : strict ? x > y : x >= y;

/** `<`, `<=`, `>`, `>=`: numbers, existential over node-sets. */
export function compare(a: Value, b: Value, less: boolean, strict: boolean): boolean {
  const numbersOf = (v: Value): number[] =>
    v.t === 'nodes' ? v.v.map((n) => stringToNumber(stringValue(n))) : [toNumber(v)];
  if ((a.t === 'nodes' && b.t === 'boolean') || (b.t === 'nodes' && a.t === 'boolean')) {
    return order(Number(toBoolean(a)), Number(toBoolean(b)), less, strict);
  }
  const xs = numbersOf(a);
  const ys = numbersOf(b);
  return xs.some((x) => ys.some((y) => order(x, y, less, strict)));
}
