/**
 * Value checking (xmlRelaxNGValidateValue, ValidateDatatype) and attribute matching
 * (xmlRelaxNGValidateAttribute): attribute values, list tokens and data content.
 */
import { checkFacet, checkType, compareTyped } from './datatypes.js';
import type { Define } from './define.js';
import { E, FLAG } from './errors.js';
import { attributeMatches } from './names.js';
import type { Validator } from './validator.js';
import type { ValueCursor } from './state.js';

const BLANK_CH = /[ \t\n\r]/;
const normalize = (s: string) => s.replace(/[ \t\n\r]+/g, ' ').trim();

export const currentValue = (v: ValueCursor | undefined): string | undefined => (v && v.i < v.toks.length ? v.toks[v.i] : undefined);

/** xmlRelaxNGNextValue. */
function nextValue(v: ValueCursor | undefined): void {
  if (!v) return;
  v.i = v.list ? v.i + 1 : v.toks.length;
}

/** xmlRelaxNGValidateDatatype. */
export function validateDatatype(ctx: Validator, value: string | undefined, define: Define): number {
  const lib = define.library ?? '';
  const type = define.name ?? '';
  const check = value === undefined ? -1 : checkType(lib, type, value);
  if (check < 0) {
    ctx.err.add(E.TYPE, define.name);
    return -1;
  }
  let ret = 0;
  if (check === 0) {
    ctx.err.add(E.TYPEVAL, define.name, value, true);
    ret = -1;
  }
  for (let p = define.attrs; ret === 0 && p && p.type === 'param'; p = p.next) {
    if (!checkFacet(type, p.name ?? '', p.value ?? '', value!)) ret = -1;
  }
  if (ret === 0 && define.content) {
    const st = ctx.state!;
    const old = st.value;
    st.value = { toks: [value!], i: 0, list: false };
    ret = validateValue(ctx, define.content);
    st.value = old;
  }
  return ret;
}

function valueList(ctx: Validator, defines: Define | undefined): number {
  let ret = 0;
  for (let d = defines; d; d = d.next) {
    ret = validateValue(ctx, d);
    if (ret !== 0) break;
  }
  return ret;
}

const saveCursor = (v: ValueCursor | undefined) => (v ? { ...v } : undefined);

/** xmlRelaxNGValidateValue: checks the current value of ctx.state against one pattern. */
export function validateValue(ctx: Validator, define: Define): number {
  const st = ctx.state!;
  const value = currentValue(st.value);
  let ret = 0;
  switch (define.type) {
    case 'empty':
      if (value !== undefined && value !== '' && [...value].some((c) => !BLANK_CH.test(c))) ret = -1;
      break;
    case 'text':
      break;
    case 'value':
      if (value !== define.value) {
        if (define.name !== undefined) {
          const r = value === undefined ? -1 : compareTyped(define.library ?? '', define.name, define.value ?? '', value);
          if (r < 0) {
            ctx.err.add(E.TYPECMP, define.name);
            return -1;
          }
          ret = r === 1 ? 0 : -1;
        } else if (value === undefined || normalize(define.value ?? '') !== normalize(value)) ret = -1;
      }
      if (ret === 0) nextValue(st.value);
      break;
    case 'data':
      ret = validateDatatype(ctx, value, define);
      if (ret === 0) nextValue(st.value);
      break;
    case 'choice': {
      const oldflags = ctx.err.flags;
      ctx.err.flags |= FLAG.IGNORABLE;
      const old = saveCursor(st.value);
      for (let l = define.content; l; l = l.next) {
        ret = validateValue(ctx, l);
        if (ret === 0) break;
        st.value = saveCursor(old);
      }
      ctx.err.flags = oldflags;
      if (ret !== 0) {
        if (!(ctx.err.flags & FLAG.IGNORABLE)) ctx.err.dump();
      } else if (ctx.err.nr > 0) ctx.err.popTo(0);
      break;
    }
    case 'list': {
      const old = st.value;
      const toks = (value ?? '').split(/[ \t\n\r]+/).filter((t) => t !== '');
      st.value = { toks, i: 0, list: true };
      for (let l = define.content; l; l = l.next) {
        ret = validateValue(ctx, l);
        if (ret !== 0) break;
      }
      const left = currentValue(st.value);
      if (ret === 0 && left !== undefined) {
        ctx.err.add(E.LISTEXTRA, left, undefined, true);
        ret = -1;
      }
      st.value = old;
      break;
    }
    case 'oneOrMore':
    case 'zeroOrMore': {
      if (define.type === 'oneOrMore') {
        ret = valueList(ctx, define.content);
        if (ret !== 0) break;
      }
      const cur0 = currentValue(st.value);
      if (cur0 === undefined || cur0 === '') {
        ret = 0;
        break;
      }
      const oldflags = ctx.err.flags;
      ctx.err.flags |= FLAG.IGNORABLE;
      let pos = st.value!.i;
      let prev = -1;
      while (pos < st.value!.toks.length && prev !== pos) {
        prev = pos;
        ret = valueList(ctx, define.content);
        if (ret !== 0) {
          st.value!.i = prev;
          ret = 0;
          break;
        }
        pos = st.value!.i;
      }
      ctx.err.flags = oldflags;
      if (ctx.err.nr > 0) ctx.err.popTo(0);
      break;
    }
    case 'optional': {
      if (value === undefined || value === '') {
        ret = 0;
        break;
      }
      const oldflags = ctx.err.flags;
      ctx.err.flags |= FLAG.IGNORABLE;
      const old = saveCursor(st.value);
      ret = validateValue(ctx, define.content!);
      ctx.err.flags = oldflags;
      if (ret !== 0) {
        st.value = old;
        ret = 0;
      }
      if (ctx.err.nr > 0) ctx.err.popTo(0);
      break;
    }
    case 'except':
      for (let l = define.content; l; l = l.next) {
        ret = validateValue(ctx, l);
        if (ret === 0) {
          ret = -1;
          break;
        }
        ret = 0;
      }
      break;
    case 'def':
    case 'group':
      for (let l = define.content; l; l = l.next) {
        ret = validateValue(ctx, l) !== 0 ? -1 : 0;
        if (ret !== 0) break;
      }
      break;
    case 'ref':
    case 'parentRef':
      if (!define.content) {
        ctx.err.add(E.NODEFINE);
        ret = -1;
      } else ret = validateValue(ctx, define.content);
      break;
    default:
      ret = -1;
  }
  return ret;
}

/** xmlRelaxNGValidateAttribute: matches one attribute pattern against an unmatched attribute. */
export function validateAttribute(ctx: Validator, define: Define): number {
  const st = ctx.state!;
  if (st.nbAttrLeft <= 0) return -1;
  let idx = -1;
  if (define.name !== undefined) {
    idx = st.attrs.findIndex(
      (a) => a !== undefined && a.local === define.name && ((!define.ns && a.ns === undefined) || (a.ns !== undefined && a.ns === define.ns)),
    );
  } else {
    idx = st.attrs.findIndex((a) => a !== undefined && attributeMatches(define, { name: a.local, ns: a.ns }));
  }
  if (idx < 0) return -1;
  const prop = st.attrs[idx]!;
  const oldValue = st.value;
  st.value = { toks: [prop.value], i: 0, list: false };
  const ret = valueList(ctx, define.content);
  st.value = oldValue;
  if (ret === 0) {
    st.attrs[idx] = undefined;
    st.nbAttrLeft--;
  }
  return ret;
}

/** xmlRelaxNGValidateAttributeList: plain attributes first, then the other patterns in attrs. */
export function validateAttributeList(ctx: Validator, defines: Define | undefined): number {
  let ret = 0;
  let needMore = false;
  for (let c = defines; c; c = c.next) {
    if (c.type === 'attribute') {
      if (validateAttribute(ctx, c) !== 0) ret = -1;
    } else needMore = true;
  }
  if (!needMore) return ret;
  for (let c = defines; c; c = c.next) {
    if (c.type === 'attribute') continue;
    if (!ctx.state && !ctx.states) {
      ctx.err.add(E.NOSTATE);
      return -1;
    }
    const res = ctx.validateDefinition(c);
    if (res < 0) ret = -1;
    if (res === -1) break;
  }
  return ret;
}
