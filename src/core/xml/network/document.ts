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
  return hideNamespacedElements(parseXmlDocument(text, docName, rootName, domain));
}

/**
 * libvirt reads most of these definitions by namespace-less XPath, which never matches an
 * element in a default namespace (xmlns="…", inherited by descendants), while its few
 * child-by-child walks compare local names only. Such elements get an empty prefix here
 * (":name"), so child() skips them as it skips prefixed ones and localChildren() finds both.
 * A <metadata> subtree is kept as written, as libvirt copies it.
 */
export function hideNamespacedElements(node: XNode, inherited = ''): XNode {
  const ns = node.attrs.xmlns ?? inherited;
  const children = node.children.map((c) => {
    const childNs = c.attrs.xmlns ?? ns;
    if (c.name === 'metadata' && childNs === '') return c;
    const renamed = childNs !== '' && !c.name.includes(':') ? `:${c.name}` : c.name;
    return { ...hideNamespacedElements(c, childNs), name: renamed };
  });
  return { ...node, children };
}

/** libxml2's local name of an element: its name without any namespace prefix. */
export const localName = (node: XNode): string => node.name.slice(node.name.indexOf(':') + 1);

/** The children a virXMLNodeNameEqual walk finds: by local name, whatever their namespace. */
export const localChildren = (node: XNode, name: string): XNode[] => node.children.filter((c) => localName(c) === name);

/** virXPathString: the string value, or undefined when it is empty. */
export function xstr(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** XPath string() of an element: all descendant text. */
export function textContent(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  return node.text + node.children.map((c) => textContent(c) ?? '').join('');
}
