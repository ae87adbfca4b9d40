import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { ATTRIBUTE_PREFIX, ATTRIBUTES_KEY, readOrderedNode, TEXT_KEY } from '../../../../src/codec/xml/ordered-node.ts';
import { parseOrdered, XML_PARSER_OPTIONS } from '../../../../src/codec/xml/parse-ordered.ts';

/**
 * readOrderedNode narrows fast-xml-parser's documented `preserveOrder` shape: a text item is
 * `{ "#text": "…" }`, an element `{ tag: [children], ":@": { "@_name": "value" } }` with its start offset
 * under the metadata symbol (`captureMetaData`), and a processing instruction `{ "?target": [...] }`.
 */
describe('readOrderedNode', () => {
  it('uses the keys the codec configures fast-xml-parser with', () => {
    expect([TEXT_KEY, ATTRIBUTES_KEY, ATTRIBUTE_PREFIX]).toEqual([XML_PARSER_OPTIONS.textNodeName, ':@', XML_PARSER_OPTIONS.attributeNamePrefix]);
  });

  it('reads an element with its attributes (prefix stripped), items and start offset from a real parse', () => {
    const [node] = parseOrdered('<r>\n  <e a="1" p:b="x &amp; y">t</e></r>', true);
    const root = readOrderedNode(node);
    expect(root).toMatchObject({ kind: 'element', tag: 'r', attributes: [], startIndex: 0 });
    if (root.kind !== 'element') throw new Error('root is an element');
    const items = root.items.map(readOrderedNode);
    expect(items[0]).toEqual({ kind: 'text', text: '\n  ' });
    expect(items[1]).toMatchObject({ kind: 'element', tag: 'e', attributes: [['a', '1'], ['p:b', 'x & y']], startIndex: 6 });
  });

  it('reads text as a string, whatever the parser typed it as', () => {
    expect(readOrderedNode({ [TEXT_KEY]: 'x' })).toEqual({ kind: 'text', text: 'x' });
    expect(readOrderedNode({ [TEXT_KEY]: 12 })).toEqual({ kind: 'text', text: '12' });
    expect(readOrderedNode({ [TEXT_KEY]: '' })).toEqual({ kind: 'text', text: '' });
  });

  it('ignores processing instructions, which fast-xml-parser keys by "?" and their target', () => {
    const withPis = new XMLParser({ ...XML_PARSER_OPTIONS, ignorePiTags: false }).parse('<r><?php echo 1; ?></r>') as unknown[];
    const [root] = withPis.map(readOrderedNode);
    if (root?.kind !== 'element') throw new Error('root is an element');
    const [pi] = root.items;
    expect(Object.keys(pi as object)).toEqual(['?php']);
    expect(readOrderedNode(pi)).toEqual({ kind: 'ignored' });
  });

  it('ignores what is not an item of that shape', () => {
    for (const value of [null, undefined, 'text', 3, {}, { [ATTRIBUTES_KEY]: { '@_a': '1' } }, { e: 'not a list of items' }]) {
      expect(readOrderedNode(value), JSON.stringify(value)).toEqual({ kind: 'ignored' });
    }
  });

  it('gives no start offset when the parser recorded none, and no attributes when it kept none', () => {
    const item = readOrderedNode({ e: [], [ATTRIBUTES_KEY]: null });
    expect(item).toEqual({ kind: 'element', tag: 'e', attributes: [], items: [], startIndex: undefined });
    const [node] = new XMLParser({ ...XML_PARSER_OPTIONS, captureMetaData: false }).parse('<r a="1"/>') as unknown[];
    expect(readOrderedNode(node)).toMatchObject({ kind: 'element', tag: 'r', attributes: [['a', '1']], startIndex: undefined });
  });

  it('gives back __proto__ for the element name fast-xml-parser stores as #__proto__', () => {
    expect(readOrderedNode({ '#__proto__': [] })).toMatchObject({ kind: 'element', tag: '__proto__' });
  });
});
