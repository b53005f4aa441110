/**
 * Reads an XML document the way virXMLParse does for a typed definition: well-formedness
 * first, then the expected root element. Shared by the network and interface models.
 */
import type { ErrorDomainName } from '../../errors.js';
import { parseXmlDocument } from '../parse.js';
import type { XNode } from '../tree.js';

/** `rootName` undefined accepts any root element. */
export function parseRootElement(
  text: string,
  docName: string,
  rootName: string | undefined,
  domain: ErrorDomainName = 'NETWORK',
): XNode {
  return parseXmlDocument(text, docName, rootName, domain);
}

/** virXPathString: the string value, or undefined when it is empty. */
export function xstr(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** XPath string() of an element: all descendant text. */
export function textContent(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  return node.text + node.children.map((c) => textContent(c) ?? '').join('');
}
