import { describe, it, expect } from 'vitest';
import { parseXmlDocument } from '../../src/core/xml/parse.js';
import { VirError } from '../../src/core/errors.js';

// Expected texts are libvirt 9.0 + libxml2 2.9.14's, as `virsh define` prints them.
const cases: Array<[string, string]> = [
  ['', '(d):1: Document is empty\n(null)\n^'],
  ['   ', "(d):1: Start tag expected, '<' not found\n   \n---^"],
  ['<a/><b/>', '(d):1: Extra content at the end of the document\n<a/><b/>\n----^'],
  ['<a><b></a>', '(d):1: Opening and ending tag mismatch: b line 1 and a\n<a><b></a>\n----------^'],
  ['<a><b>', '(d):1: Premature end of data in tag b line 1\n<a><b>\n------^'],
  ['<a b=c/>', '(d):1: AttValue: " or \' expected\n<a b=c/>\n-----^'],
  ['<a b="1" b="2"/>', '(d):1: Attribute b redefined\n<a b="1" b="2"/>\n--------------^'],
  ['<a b="1/>', "(d):1: AttValue: ' expected\n<a b=\"1/>\n---------^"],
  ['<a>&foo;</a>', "(d):1: Entity 'foo' not defined\n<a>&foo;</a>\n--------^"],
  ['<a b="1"c="2"/>', '(d):1: attributes construct error\n<a b="1"c="2"/>\n--------^'],
  ['<a><!-- x', '(d):1: Comment not terminated\n<a><!-- x\n---------^'],
  ['<a><![CDATA[ x </a>', '(d):1: CData section not finished\n x </\n<a><![CDATA[ x </a>\n-------------------^'],
  ['<a></ >', '(d):1: Opening and ending tag mismatch: a line 1 and unparsable\n<a></ >\n-------^'],
  ['<a>\n<b>\n</a>', '(d):3: Opening and ending tag mismatch: b line 2 and a\n</a>\n----^'],
  ['<domain>\n  <name>x</name>\n', '(d):3: Premature end of data in tag domain line 1\n(null)\n^'],
  ['<?xml version="1.0"><a/>', '(d):1: Blank needed here\n<?xml version="1.0"><a/>\n-------------------^'],
  ['<domain type="test"><name>é</nam', "(d):1: expected '>'\n<domain type=\"test\"><name>é</nam\n---------------------------------^"],
];

describe('libxml2-compatible well-formedness errors', () => {
  for (const [xml, want] of cases) {
    it(JSON.stringify(xml), () => {
      let err: unknown;
      try {
        parseXmlDocument(xml, '(d)');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(VirError);
      expect((err as VirError).message).toBe(want);
    });
  }

  it('accepts well-formed documents with declarations, doctype, comments and PIs', () => {
    const root = parseXmlDocument('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE a>\n<!-- c --><a x="1&amp;2">t<?p q?></a>\n', '(d)', 'a');
    expect(root.attrs.x).toBe('1&2');
  });

  it('checks the root element name', () => {
    expect(() => parseXmlDocument('<foo/>', '(d)', 'domain')).toThrow("XML error: expecting root element of 'domain', not 'foo'");
  });
});
