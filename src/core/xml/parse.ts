import { ErrorCodes, ErrorDomains } from '../error-codes.js';
import { VirError, virErr, type ErrorDomainName } from '../errors.js';
import { parseTree, type XNode } from './tree.js';
import { checkWellFormed, formatXmlSyntaxError, XmlSyntaxError } from './wellformed.js';

/**
 * Parses an XML document as libvirt's virXMLParse does: libxml2's well-formedness errors
 * reported under `docName` (e.g. '(domain_definition)'), then the root element check.
 */
export function parseXmlDocument(
  text: string,
  docName: string,
  rootName?: string,
  domain: ErrorDomainName = 'NONE',
): XNode {
  try {
    checkWellFormed(text);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    throw new VirError(ErrorCodes.XML_DETAIL[0], formatXmlSyntaxError(text, e, docName), ErrorDomains[domain]);
  }
  const root = parseTree(text);
  if (rootName !== undefined && root.name !== rootName) {
    throw virErr('XML_ERROR', `expecting root element of '${rootName}', not '${root.name}'`, domain);
  }
  return root;
}
