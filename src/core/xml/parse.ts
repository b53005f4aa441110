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
  // libxml2's node name is the local part: a namespace prefix on the root does not count.
  const localName = root.name.slice(root.name.indexOf(':') + 1);
  if (rootName !== undefined && localName !== rootName) {
    throw virErr('XML_ERROR', `expecting root element of '${rootName}', not '${localName}'`, domain);
  }
  return root;
}
