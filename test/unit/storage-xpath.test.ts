import { describe, expect, it } from 'vitest';
import { parseTree } from '../../src/core/xml/tree.js';
import { evaluateXPath, toDocument, XPathNotNodeSet, XPathSyntaxError } from '../../src/commands/storage/xpath.js';

const doc = toDocument(
  parseTree(`<pool type='dir'>
  <name>p</name>
  <capacity unit='bytes'>1</capacity>
  <source>
  </source>
  <target>
    <path>/p</path>
  </target>
</pool>`),
);
const names = (expr: string) => evaluateXPath(doc, expr).map((n) => (n.kind === 'element' ? n.name : `${n.kind}:${n.value}`));

describe('dumpxml XPath subset', () => {
  it('walks child and descendant steps in document order', () => {
    expect(names('/pool/target/path')).toEqual(['path']);
    expect(names('//path|/pool/name')).toEqual(['name', 'path']);
    expect(names('/pool/*[2]')).toEqual(['capacity']);
  });
  it('selects attributes, text and predicates', () => {
    expect(names('//@unit')).toEqual(['attr:bytes']);
    expect(names('//*[@unit]')).toEqual(['capacity']);
    expect(names("/pool[name='p']/target/..")).toEqual(['pool']);
    expect(names('//path/text()')).toEqual(['text:/p']);
  });
  it('keeps the whitespace of an empty leaf as text', () => {
    expect(names('/pool/source/text()')).toEqual(['text:\n  ']);
  });
  it('tells syntax errors from values that are not node-sets', () => {
    expect(() => evaluateXPath(doc, '///')).toThrow(XPathSyntaxError);
    expect(() => evaluateXPath(doc, 'count(//name)')).toThrow(XPathNotNodeSet);
  });
});
