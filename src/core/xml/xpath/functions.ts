import { qname, stringValue, type XNodeAny } from './dom.js';
import { XPathCode, XPathError } from './errors.js';
import { bool, num, str, toBoolean, toNumber, toString, type Value } from './values.js';

/** What a function sees besides its arguments. */
export interface FnContext {
  node: XNodeAny;
  position: number;
  size: number;
  /** Offset used for evaluation errors (the expression's length: no caret). */
  errPos: number;
}

interface FnDef {
  /** Inclusive argument count range. */
  min: number;
  max: number;
  /** With no argument, the context node stands in (string(), name(), …). */
  defaultsToContext?: boolean;
  call(args: Value[], ctx: FnContext): Value;
}

function nodeSetArg(v: Value, ctx: FnContext): XNodeAny[] {
  if (v.t !== 'nodes') throw new XPathError(XPathCode.INVALID_TYPE, ctx.errPos);
  return v.v;
}

function localName(n: XNodeAny): string {
  switch (n.kind) {
    case 'element':
    case 'attribute':
      return n.local;
    case 'pi':
      return n.target;
    default:
      return '';
  }
}

const s = (v: Value) => toString(v);

/** xmlXPathSubstringFunction's rounding rules. */
function substring(text: string, start: number, len: number | undefined): string {
  const chars = [...text];
  const from = Math.round(start);
  const to = len === undefined ? Infinity : from + Math.round(len);
  if (Number.isNaN(from) || Number.isNaN(to)) return '';
  return chars.filter((_, i) => i + 1 >= from && i + 1 < to).join('');
}

/** XPath's round(): halves go up, NaN and infinities stay. */
function xround(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const r = Math.floor(n + 0.5);
  return r === 0 && n < 0 ? -0 : r;
}

export const FUNCTIONS: Record<string, FnDef> = {
  last: { min: 0, max: 0, call: (_a, c) => num(c.size) },
  position: { min: 0, max: 0, call: (_a, c) => num(c.position) },
  count: { min: 1, max: 1, call: ([a], c) => num(nodeSetArg(a, c).length) },
  id: { min: 1, max: 1, call: () => ({ t: 'nodes', v: [] }) },
  'local-name': {
    min: 1,
    max: 1,
    defaultsToContext: true,
    call: ([a], c) => {
      const ns = nodeSetArg(a, c);
      return str(ns.length ? localName(ns[0]) : '');
    },
  },
  'namespace-uri': {
    min: 1,
    max: 1,
    defaultsToContext: true,
    call: ([a], c) => {
      const n = nodeSetArg(a, c)[0];
      return str(n && (n.kind === 'element' || n.kind === 'attribute') ? (n.ns ?? '') : '');
    },
  },
  name: {
    min: 1,
    max: 1,
    defaultsToContext: true,
    call: ([a], c) => {
      const n = nodeSetArg(a, c)[0];
      if (!n) return str('');
      return str(n.kind === 'element' || n.kind === 'attribute' ? qname(n) : localName(n));
    },
  },
  string: { min: 1, max: 1, defaultsToContext: true, call: ([a]) => str(s(a)) },
  'string-length': { min: 1, max: 1, defaultsToContext: true, call: ([a]) => num([...s(a)].length) },
  concat: { min: 2, max: Infinity, call: (args) => str(args.map(s).join('')) },
  contains: { min: 2, max: 2, call: ([a, b]) => bool(s(a).includes(s(b))) },
  'starts-with': { min: 2, max: 2, call: ([a, b]) => bool(s(a).startsWith(s(b))) },
  'substring-before': {
    min: 2,
    max: 2,
    call: ([a, b]) => {
      const i = s(a).indexOf(s(b));
      return str(i < 0 ? '' : s(a).slice(0, i));
    },
  },
  'substring-after': {
    min: 2,
    max: 2,
    call: ([a, b]) => {
      const i = s(a).indexOf(s(b));
      return str(i < 0 ? '' : s(a).slice(i + s(b).length));
    },
  },
  substring: {
    min: 2,
    max: 3,
    call: ([a, b, c]) => str(substring(s(a), toNumber(b), c === undefined ? undefined : toNumber(c))),
  },
  'normalize-space': {
    min: 1,
    max: 1,
    defaultsToContext: true,
    call: ([a]) => str(s(a).split(/[ \t\n\r]+/).filter(Boolean).join(' ')),
  },
  translate: {
    min: 3,
    max: 3,
    call: ([a, b, c]) => {
      const from = [...s(b)];
      const to = [...s(c)];
      return str(
        [...s(a)]
          .map((ch) => {
            const i = from.indexOf(ch);
            return i < 0 ? ch : (to[i] ?? '');
          })
          .join(''),
      );
    },
  },
  boolean: { min: 1, max: 1, call: ([a]) => bool(toBoolean(a)) },
  not: { min: 1, max: 1, call: ([a]) => bool(!toBoolean(a)) },
  true: { min: 0, max: 0, call: () => bool(true) },
  false: { min: 0, max: 0, call: () => bool(false) },
  lang: {
    min: 1,
    max: 1,
    call: ([a], c) => {
      const want = s(a).toLowerCase();
      for (let n: XNodeAny | undefined = c.node; n; n = n.parent) {
        if (n.kind !== 'element') continue;
        const attr = n.attrs.find((x) => x.prefix === 'xml' && x.local === 'lang');
        if (attr) {
          const have = attr.value.toLowerCase();
          return bool(have === want || have.startsWith(`${want}-`));
        }
      }
      return bool(false);
    },
  },
  number: { min: 1, max: 1, defaultsToContext: true, call: ([a]) => num(toNumber(a)) },
  sum: {
    min: 1,
    max: 1,
    call: ([a], c) => num(nodeSetArg(a, c).reduce((t, n) => t + toNumber(str(stringValue(n))), 0)),
  },
  floor: { min: 1, max: 1, call: ([a]) => num(Math.floor(toNumber(a))) },
  ceiling: { min: 1, max: 1, call: ([a]) => num(Math.ceil(toNumber(a))) },
  round: { min: 1, max: 1, call: ([a]) => num(xround(toNumber(a))) },
};
