/** Attribute readers with the error texts of libvirt's virXMLProp* helpers (virxml.c). */
import { virErr } from '../../errors.js';
import type { XNode } from '../tree.js';

export type Tristate = 'yes' | 'no';

function invalid(node: XNode, name: string, value: string, tail = '.') {
  return virErr('XML_ERROR', `Invalid value for attribute '${name}' in element '${node.name}': '${value}'${tail}`);
}

export function missingAttr(node: XNode, name: string) {
  return virErr('XML_ERROR', `Missing required attribute '${name}' in element '${node.name}'`);
}

/** virXMLPropTristateBool: 'yes' / 'no', anything else is an error; undefined when absent. */
export function propTristate(node: XNode | undefined, name: string): Tristate | undefined {
  const v = node?.attrs[name];
  if (v === undefined) return undefined;
  if (v === 'yes' || v === 'no') return v;
  throw invalid(node!, name, v);
}

/** virXMLPropEnum over a fixed table of accepted strings. */
export function propEnum<T extends string>(
  node: XNode,
  name: string,
  values: readonly T[],
  required = false,
): T | undefined {
  const v = node.attrs[name];
  if (v === undefined) {
    if (required) throw missingAttr(node, name);
    return undefined;
  }
  if (!(values as readonly string[]).includes(v)) throw invalid(node, name, v);
  return v as T;
}

/** strtoul-style unsigned parse as virStrToLong_ui does it (base 10, full string). */
export function parseUInt(s: string, max = 0xffffffff): number | undefined {
  const m = /^\s*\+?(\d+)$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= max ? n : undefined;
}

/** virXMLPropUInt (base 10); `nonZero` rejects 0 as VIR_XML_PROP_NONZERO does. */
export function propUInt(node: XNode | undefined, name: string, nonZero = false): number | undefined {
  const v = node?.attrs[name];
  if (v === undefined) return undefined;
  const n = parseUInt(v);
  if (n === undefined) throw invalid(node!, name, v, '. Expected non-negative integer value');
  if (nonZero && n === 0) {
    throw virErr('XML_ERROR', `Invalid value for attribute '${name}' in element '${node!.name}': Zero is not permitted`);
  }
  return n;
}

/** virXMLPropULongLong (base 10). */
export function propULongLong(node: XNode, name: string): bigint | undefined {
  const v = node.attrs[name];
  if (v === undefined) return undefined;
  if (!/^\s*\+?\d+$/.test(v) || BigInt(v.trim()) > 0xffffffffffffffffn) {
    throw invalid(node, name, v, '. Expected non-negative integer value');
  }
  return BigInt(v.trim());
}

/**
 * virXPathUInt on an attribute: 'absent' when missing, 'invalid' when not a number
 * (the callers turn that into their own message).
 */
export function xpathUInt(node: XNode, name: string): number | 'absent' | 'invalid' {
  const v = node.attrs[name];
  if (v === undefined) return 'absent';
  const n = parseUInt(v);
  return n === undefined ? 'invalid' : n;
}

/** virXPathInt on an attribute. */
export function xpathInt(node: XNode | undefined, name: string): number | 'absent' | 'invalid' {
  const v = node?.attrs[name];
  if (v === undefined) return 'absent';
  const m = /^\s*([+-]?\d+)$/.exec(v);
  if (!m) return 'invalid';
  const n = Number(m[1]);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : 'invalid';
}
