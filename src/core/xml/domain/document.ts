import { checkWellFormed, formatXmlSyntaxError, XmlSyntaxError } from '../wellformed.js';
import { parseTree, type XNode } from '../tree.js';
import { virErr } from '../../errors.js';
import { xmlError } from './errors.js';

/**
 * virXMLParse for a string: well-formedness (libxml2's message), then the root element
 * check libvirt makes before any typed parsing.
 */
export function parseXmlRoot(xml: string, rootName: string, docName: string): XNode {
  try {
    checkWellFormed(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw virErr('XML_DETAIL', formatXmlSyntaxError(xml, e, docName), 'XML');
    throw e;
  }
  const root = parseTree(xml);
  if (root.name !== rootName) throw xmlError(`expecting root element of '${rootName}', not '${root.name}'`);
  return root;
}
