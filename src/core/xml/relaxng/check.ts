/**
 * The schema step of libvirt's virXMLParse with validation on: it runs only on a
 * well-formed document whose root is the expected element (otherwise the parser reports
 * those errors itself), and loads the validator and the bundled schemas on first use.
 */
import { checkWellFormed } from '../wellformed.js';

/** The root element's name, read without building a tree. */
function rootName(xml: string): string | undefined {
  const m = /<([^\s/>!?]+)/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  return m?.[1].replace(/^[^:]*:/, '');
}

/** Validates `xml` against libvirt's schema `file` when it is well formed and rooted at `root`. */
export async function schemaCheck(xml: string, file: string, root: string): Promise<void> {
  try {
    checkWellFormed(xml);
  } catch {
    return;
  }
  if (rootName(xml) !== root) return;
  const { validateAgainstSchema } = await import('./index.js');
  await validateAgainstSchema(xml, file);
}
