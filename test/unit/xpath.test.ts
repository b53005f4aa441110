import { describe, expect, it } from 'vitest';
import {
  dumpNode,
  evaluateXPath,
  formatXPathError,
  parseDom,
  wrapNodes,
  XPathError,
  type XNodeAny,
} from '../../src/core/xml/xpath/index.js';

// Expected strings below are what real virsh 9.0 (libxml2 2.9.14) printed for the same
// document and expression.
const DOC = `<domain type='test' id='1'>
  <name>test</name>
  <metadata>
    <app:x xmlns:app="http://a/" a="&#xE9;&#13;&#9;&#10;x">t&#13;y<!-- c --><b/>  <c>   </c> <![CDATA[z<]]></app:x>
  </metadata>
  <os>
    <type arch='i686'>hvm</type>
    <boot dev='hd'/>
  </os>
  <devices>
    <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>
    <address type='pci' slot='0x01'/>
    <address type='pci' slot='0x02'/>
  </devices>
</domain>
`;

function select(expr: string): XNodeAny[] {
  const v = evaluateXPath(parseDom(DOC), expr);
  if (v.t !== 'nodes') throw new Error(`not a node-set: ${v.t}`);
  return v.v;
}
const dump = (expr: string) => select(expr).map(dumpNode).join('\n');
const wrapped = (expr: string) => dumpNode(wrapNodes(select(expr)));
function errorText(expr: string): string {
  try {
    evaluateXPath(parseDom(DOC), expr);
  } catch (e) {
    if (e instanceof XPathError) return formatXPathError(e, expr);
    throw e;
  }
  return 'no error';
}

describe('XPath selection', () => {
  it('evaluates paths relative to the root element', () => {
    expect(dump('name')).toBe('<name>test</name>');
    expect(dump('.')).toContain('<domain type="test" id="1">\n  <name>test</name>');
    expect(dump('os/*[last()]')).toBe('<boot dev="hd"/>');
  });
  it('counts positions per context node and in filter expressions over the whole set', () => {
    expect(dump('//address[2]/@slot')).toBe(' slot="0x02"');
    expect(dump('//devices/*[@type="pci"][2]/@slot')).toBe(' slot="0x02"');
    expect(dump('(//@dev)[2]')).toBe(' dev="vda"');
  });
  it('supports functions, comparisons and boolean operators', () => {
    expect(dump('//*[starts-with(name(), "bo")]')).toBe('<boot dev="hd"/>');
    expect(dump('//*[count(*) = 3 and contains(name(), "dev")]/@*')).toBe('');
    expect(dump('//address[@slot != "0x01" or @type = "x"]/@slot')).toBe(' slot="0x02"');
    expect(dump('//*[string-length(text()) = 3][not(@*)]')).toBe('<c>   </c>');
    expect(dump('//type[. = "hvm"][position() = last()]')).toBe('<type arch="i686">hvm</type>');
  });
  it('does not match namespaced elements by a bare name', () => {
    expect(dump('//x')).toBe('');
    expect(dump("//*[local-name() = 'x']/@a")).toBe(' a="&#xE9;&#13;&#9;&#10;x"');
  });
  it('returns non-node-set values for virsh to refuse', () => {
    expect(evaluateXPath(parseDom(DOC), 'count(//address)')).toEqual({ t: 'number', v: 2 });
    expect(evaluateXPath(parseDom(DOC), 'name(')).toEqual({ t: 'string', v: 'domain' });
  });
  it('accepts a trailing "|" as the streaming pattern compiler does', () => {
    expect(dump('name|')).toBe('<name>test</name>');
  });
});

describe('xmlNodeDump serialization', () => {
  it('keeps mixed content unformatted and significant blanks', () => {
    expect(dump('//metadata')).toBe(
      '<metadata>\n  <app:x xmlns:app="http://a/" a="&#xE9;&#13;&#9;&#10;x">t&#13;y<!-- c --><b/>  <c>   </c> <![CDATA[z<]]></app:x>\n</metadata>',
    );
  });
  it('prints a whole document with its declaration', () => {
    expect(dump('/').startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<domain type="test" id="1">\n')).toBe(true);
  });
  it('wraps: attributes move onto <nodes>, text merges, elements indent', () => {
    expect(wrapped('//@type')).toBe('<nodes type="pci"/>');
    expect(wrapped('//name/text()|//type/text()')).toBe('<nodes>testhvm</nodes>');
    expect(wrapped('//boot|//name')).toBe('<nodes>\n  <name>test</name>\n  <boot dev="hd"/>\n</nodes>');
    expect(wrapped('//nothing')).toBe('<nodes/>');
  });
});

describe('libxml2 error reports', () => {
  it('shows a caret only when the error lies inside the expression', () => {
    expect(errorText('//name[')).toBe('XPath error : Invalid expression\n');
    expect(errorText('//name)')).toBe('XPath error : Invalid expression\n//name)\n      ^\n');
    expect(errorText('/domain/[1]')).toBe('XPath error : Invalid expression\n/domain/[1]\n        ^\n');
    expect(errorText('//a[1')).toBe('XPath error : Invalid predicate\n');
  });
  it('reports evaluation errors without a caret', () => {
    expect(errorText('foo()')).toBe('xmlXPathCompOpEval: function foo not found\nXPath error : Unregistered function\n');
    expect(errorText('count()')).toBe('XPath error : Invalid number of arguments\n');
    expect(errorText('$v')).toBe('XPath error : Undefined variable\n');
    expect(errorText('//app:x')).toBe('XPath error : Undefined namespace prefix\n');
  });
  it('reports an unfinished processing-instruction literal twice, as libxml2 does', () => {
    expect(errorText("//processing-instruction('x")).toBe('XPath error : Unfinished literal\nXPath error : Invalid expression\n');
  });
});
