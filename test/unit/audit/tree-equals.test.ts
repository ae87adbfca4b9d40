import { describe, expect, it } from 'vitest';
import { normalizeBody } from '../../../src/audit/normalized-body.ts';
import { canonical, treeEquals, type TreeValue } from '../../../src/audit/tree-value.ts';
import { protocolFor } from '../../../src/protocols/index.ts';

function tree(text: string, kind: 'xml' | 'json'): TreeValue {
  const body = normalizeBody(protocolFor(kind).readMessage(text), text);
  if (body.kind !== 'xml' && body.kind !== 'json') throw new Error(`unreadable: ${text}`);
  return body.tree;
}

describe('treeEquals', () => {
  it('agrees with canonical() on JSON, whatever the member order', () => {
    const a = tree('{"a":1,"b":{"c":[1,2,{"d":null}]}}', 'json');
    const b = tree('{"b":{"c":[1,2,{"d":null}]},"a":1}', 'json');
    const c = tree('{"b":{"c":[2,1,{"d":null}]},"a":1}', 'json');
    expect(treeEquals(a, b)).toBe(true);
    expect(canonical(a) === canonical(b)).toBe(true);
    expect(treeEquals(a, c)).toBe(false);
    expect(treeEquals(a, tree('{"a":1,"b":{"c":[1,2,{"d":null}]},"e":0}', 'json'))).toBe(false);
    expect(treeEquals(tree('{"a":"1"}', 'json'), tree('{"a":1}', 'json'))).toBe(false);
  });

  it('counts the order of XML child elements when asked, and ignores prefixes and indentation', () => {
    const a = tree('<r xmlns="urn:x"><a>1</a><b>2</b></r>', 'xml');
    const reindented = tree('<p:r xmlns:p="urn:x">\n  <p:a>1</p:a>\n  <p:b>2</p:b>\n</p:r>', 'xml');
    const swapped = tree('<r xmlns="urn:x"><b>2</b><a>1</a></r>', 'xml');
    expect(treeEquals(a, reindented, true)).toBe(true);
    expect(treeEquals(a, swapped, true)).toBe(false);
    expect(treeEquals(a, swapped, false)).toBe(true);
    expect(treeEquals(a, tree('<r xmlns="urn:x"><a>1 </a><b>2</b></r>', 'xml'), true)).toBe(false);
  });

  it('compares a 200,000-item array without overflowing the stack', () => {
    const wide = tree(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ i }))), 'json');
    expect(treeEquals(wide, tree(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ i }))), 'json'))).toBe(true);
  });
});
