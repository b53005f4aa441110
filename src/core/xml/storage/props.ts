import { virErr } from '../../errors.js';
import { child, type XNode } from '../tree.js';

/** virXPathString("string(./a/b)"): text of the first matching element; empty counts as absent. */
export function xpathString(node: XNode | undefined, ...names: string[]): string | undefined {
  let cur = node;
  for (const n of names) cur = child(cur, n);
  const text = cur ? deepText(cur) : '';
  return text === '' ? undefined : text;
}

/** Attribute of the first element on a path; empty counts as absent, as in virXPathString. */
export function xpathAttr(node: XNode | undefined, attr: string, ...names: string[]): string | undefined {
  let cur = node;
  for (const n of names) cur = child(cur, n);
  const v = cur?.attrs[attr];
  return v === '' ? undefined : v;
}

/** XPath string(): all descendant character data in document order. */
export function deepText(node: XNode): string {
  return node.text + node.children.map(deepText).join('');
}

/** virXMLPropEnum with NONZERO semantics for tristate attributes ('yes'/'no'). */
export function propTristate(node: XNode, attr: string): 'yes' | 'no' | undefined {
  const v = node.attrs[attr];
  if (v === undefined) return undefined;
  if (v === 'yes' || v === 'no') return v;
  throw virErr('XML_ERROR', `Invalid value for attribute '${attr}' in element '${node.name}': '${v}'.`);
}

/** virXMLPropInt (base 10, no flags): absent → undefined. */
export function propInt(node: XNode, attr: string): number | undefined {
  const v = node.attrs[attr];
  if (v === undefined) return undefined;
  if (!/^\s*[-+]?\d+$/.test(v) || Math.abs(Number(v)) > 2147483647) {
    throw virErr('XML_ERROR', `Invalid value for attribute '${attr}' in element '${node.name}': '${v}'. Expected integer value`);
  }
  return Number(v);
}
