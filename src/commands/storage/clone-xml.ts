import { parseXmlDocument } from '../../core/xml/parse.js';
import { dumpNode, parseDom, type XChild, type XElement } from '../../core/xml/xpath/index.js';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** libxml2's tree-module complaint, reported against the clone's document. */
const treeError = (msg: string) => process.stderr.write(`(volume_definition):-1: error : ${msg}\n`);

/**
 * xmlNodeSetContent's xmlStringGetNodeList: the new content is read as character data with
 * references — character and predefined ones are resolved, others become entity-reference
 * nodes. Text is only kept once something follows it into the list, so an unterminated
 * reference loses the pending text.
 */
function contentNodes(parent: XElement, content: string): XChild[] {
  const nodes: XChild[] = [];
  const make = (kind: 'text' | 'entity-ref', value: string): XChild => ({ kind, value, parent, order: parent.order + 1 });
  let pending = '';
  let i = 0;
  while (i < content.length) {
    if (content[i] !== '&') {
      pending += content[i++];
      continue;
    }
    if (content[i + 1] === '#') {
      const hex = content[i + 2] === 'x';
      i += hex ? 3 : 2;
      let code = 0;
      // The end of the string is no digit either: an unterminated reference is invalid too.
      while (content[i] !== ';') {
        const digit = parseInt(content[i] ?? '', hex ? 16 : 10);
        if (Number.isNaN(digit)) {
          treeError(hex ? 'invalid hexadecimal character value' : 'invalid decimal character value');
          code = 0;
          break;
        }
        code = code * (hex ? 16 : 10) + digit;
        i++;
      }
      if (content[i] === ';') i++;
      if (code !== 0) pending += String.fromCodePoint(code);
      continue;
    }
    const end = content.indexOf(';', i + 1);
    if (end < 0) {
      treeError(`unterminated entity reference ${content.slice(i + 1).padStart(15)}`);
      return nodes;
    }
    const name = content.slice(i + 1, end);
    if (name in PREDEFINED) pending += PREDEFINED[name];
    else if (name !== '') {
      if (pending) nodes.push(make('text', pending));
      pending = '';
      nodes.push(make('entity-ref', name));
    }
    i = end + 1;
  }
  if (pending) nodes.push(make('text', pending));
  return nodes;
}

/**
 * virshMakeCloneXML: the original volume's document with /volume/name's content set to the
 * new name, serialized by libxml2 from its root element.
 */
export function makeCloneXML(origXml: string, newName: string): string {
  parseXmlDocument(origXml, '(volume_definition)');
  const doc = parseDom(origXml);
  const isElement = (c: XChild, local: string) => c.kind === 'element' && c.local === local && c.prefix === undefined;
  const root = doc.children.find((c) => isElement(c, 'volume'));
  if (root?.kind !== 'element') return '';
  const name = root.children.find((c) => isElement(c, 'name'));
  if (name?.kind === 'element') name.children = contentNodes(name, newName);
  return dumpNode(root);
}
