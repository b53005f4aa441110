import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { parseXmlDocument } from '../../../xml/parse.js';
import type { XNode } from '../../../xml/tree.js';
import { hideNamespacedElements } from '../../../xml/network/document.js';
import type { LoadContext } from '../node.js';

/**
 * testParseXMLDocFromFile: an element of a node file with file='…' stands for the root of that
 * document (relative to the node file's folder), which must carry the element's own name.
 * Errors name the file by its full path, as libxml2 opened it.
 */
export function resolveFileRef(el: XNode, ctx: LoadContext): XNode {
  const file = el.attrs.file;
  if (file === undefined) return el;
  // testBuildFilename joins the two as text, without normalising the path.
  const path = isAbsolute(file) ? file : `${ctx.baseDir}/${file}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    // libxml2 reports on stderr itself before libvirt reports the failed parse.
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') {
      process.stderr.write(`I/O error : ${strerror({ code: 'EISDIR' })}\n`);
      throw virErr('XML_DETAIL', `${path}:1: Document is empty\n(null)\n^`, 'XML');
    }
    process.stderr.write(`I/O warning : failed to load external entity "${path}"\n`);
    throw virErr('XML_ERROR', `failed to parse xml document '${path}'`);
  }
  // Its elements in a default namespace are invisible to the XPath reads that follow.
  return hideNamespacedElements(parseXmlDocument(text, path, el.name));
}
