import { describe, expect, it } from 'vitest';
import { parseOrdered } from '../../../../src/codec/xml/parse-ordered.ts';
import { readOrderedNode, type OrderedItem } from '../../../../src/codec/xml/ordered-node.ts';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';

/** Every item of a parse, depth first, with its start offset where it has one. */
function flat(nodes: readonly unknown[]): OrderedItem[] {
  return nodes.map(readOrderedNode).flatMap((item) => (item.kind === 'element' ? [item, ...flat(item.items)] : [item]));
}

const doc = '<?xml version="1.0"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">\n  <s:Body><m:Op xmlns:m="urn:x" a="1">t &amp; u</m:Op></s:Body>\n</s:Envelope>';

describe('parseOrdered with and without offsets', () => {
  it('gives the same items either way; only the located parse records where each element starts', () => {
    const plain = flat(parseOrdered(doc));
    const located = flat(parseOrdered(doc, true));
    expect(plain.map((i) => (i.kind === 'element' ? { ...i, items: i.items.length, startIndex: undefined } : i))).toEqual(located.map((i) => (i.kind === 'element' ? { ...i, items: i.items.length, startIndex: undefined } : i)));
    expect(plain.filter((i) => i.kind === 'element').map((i) => (i.kind === 'element' ? i.startIndex : 'x'))).toEqual([undefined, undefined, undefined]);
    expect(located.filter((i) => i.kind === 'element').map((i) => (i.kind === 'element' ? i.startIndex : 'x'))).toEqual([doc.indexOf('<s:Envelope'), doc.indexOf('<s:Body'), doc.indexOf('<m:Op')]);
  });

  it('still places a namespace problem at its line and column (parseXml parses such a document again with offsets)', () => {
    const result = parseXml('<r>\n  <a>\n    <p:b/>\n  </a>\n</r>');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ rule: 'xml-undeclared-prefix', line: 3, col: 5 });
  });
});
