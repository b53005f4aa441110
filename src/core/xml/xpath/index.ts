import { compileXPath } from './compile.js';
import { parseDom, rootElement, type XDocument } from './dom.js';
import { evaluate } from './eval.js';
import { streamingEquivalent } from './stream.js';
import type { Value } from './values.js';

export { parseDom, stringValue, type XChild, type XDocument, type XElement, type XNodeAny } from './dom.js';
export { XPathError, formatXPathError } from './errors.js';
export { dumpNode } from './serialize.js';
export { wrapNodes } from './wrap.js';
export type { Value } from './values.js';

/**
 * xmlXPathEval as libvirt sets it up: the context node is the document's root element.
 * Throws XPathError for what libxml2 reports (compile or evaluation errors).
 */
export function evaluateXPath(doc: XDocument, expr: string): Value {
  const compiled = compileXPath(streamingEquivalent(expr) ?? expr);
  return evaluate(compiled, rootElement(doc) ?? doc, expr.length);
}
