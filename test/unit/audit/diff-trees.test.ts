import { describe, expect, it } from 'vitest';
import { diffTrees } from '../../../src/audit/diff-trees.ts';
import { fromJson } from '../../../src/audit/normalized-body.ts';
import type { TreeDifference } from '../../../src/audit/tree-difference.ts';

function json(before: unknown, after: unknown): TreeDifference[] {
  return JSON.parse(JSON.stringify(diffTrees(fromJson(before), fromJson(after), false))) as TreeDifference[];
}

function xml(before: unknown, after: unknown): TreeDifference[] {
  return JSON.parse(JSON.stringify(diffTrees(fromJson(before), fromJson(after), true))) as TreeDifference[];
}

describe('diffTrees', () => {
  it('finds nothing between equal trees, whatever the member order of JSON objects', () => {
    expect(json({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('reports a value change, an addition and a removal with their paths', () => {
    expect(json({ a: 1, b: 'x' }, { a: 2, c: true })).toEqual([
      { kind: 'value', at: ['a'], before: 1, after: 2 },
      { kind: 'removed', at: ['b'], value: 'x', item: false },
      { kind: 'added', at: ['c'], value: true, item: false },
    ]);
  });

  it('reports the same items in another order as one reordering, not as changed items', () => {
    expect(json({ l: ['a', 'b', 'c'] }, { l: ['c', 'a', 'b'] })).toEqual([{ kind: 'reordered', at: ['l'], before: [1, 2, 3], after: [3, 1, 2] }]);
  });

  it('reports an item inserted in the middle as one added item', () => {
    expect(json({ l: [{ id: 1 }, { id: 2 }] }, { l: [{ id: 1 }, { id: 9 }, { id: 2 }] })).toEqual([{ kind: 'added', at: ['l', 2], value: { id: 9 }, item: true }]);
  });

  it('reports a removed item at its baseline position', () => {
    expect(json({ l: ['a', 'b', 'c'] }, { l: ['a', 'c'] })).toEqual([{ kind: 'removed', at: ['l', 1], value: 'b', item: true }]);
  });

  it('pairs a removal and an addition with the same value at the same parent as a rename', () => {
    expect(json({ p: { old: 'v1' } }, { p: { fresh: 'v1' } })).toEqual([{ kind: 'renamed', at: ['p', 'old'], to: ['p', 'fresh'], value: 'v1' }]);
  });

  it('does not call an empty or boolean value a rename', () => {
    expect(json({ a: '' }, { b: '' }).map((d) => d.kind)).toEqual(['removed', 'added']);
    expect(json({ a: false }, { b: false }).map((d) => d.kind)).toEqual(['removed', 'added']);
  });

  it('pairs the same name and value under another parent as a move, also into a new container', () => {
    expect(json({ p: { x: 'v' }, q: {} }, { p: {}, q: { x: 'v' } })).toEqual([{ kind: 'moved', at: ['p', 'x'], to: ['q', 'x'], value: 'v' }]);
    expect(json({ p: { x: 'v' } }, { p: {}, z: { x: 'v' } })).toEqual([
      { kind: 'moved', at: ['p', 'x'], to: ['z', 'x'], value: 'v' },
      { kind: 'added', at: ['z'], value: { x: 'v' }, item: false },
    ]);
  });

  it('reports a namespace change once, and what else changed inside it', () => {
    const before = { '{urn:a}r': { '{urn:a}x': '1', '{urn:a}y': '2' } };
    const after = { '{urn:b}r': { '{urn:b}x': '1', '{urn:b}z': '2' } };
    expect(xml(before, after)).toEqual([
      { kind: 'namespace', at: ['{urn:a}r'], to: ['{urn:b}r'], before: 'urn:a', after: 'urn:b' },
      { kind: 'renamed', at: ['{urn:a}r', '{urn:a}y'], to: ['{urn:a}r', '{urn:a}z'], value: '2' },
    ]);
  });

  it('compares one XML occurrence with several as a list, and a leaf with an element that grew an attribute by its text', () => {
    expect(xml({ e: 'a' }, { e: ['a', 'b'] })).toEqual([{ kind: 'added', at: ['e', 1], value: 'b', item: true }]);
    expect(xml({ e: 'a' }, { e: { '@lang': 'en', '#text': 'a' } })).toEqual([{ kind: 'added', at: ['e', '@lang'], value: 'en', item: false }]);
  });

  it('reports another sequence of differently named XML children, but never JSON member order', () => {
    expect(xml({ r: { a: '1', b: '2' } }, { r: { b: '2', a: '1' } })).toEqual([{ kind: 'sequence', at: ['r'], before: ['a', 'b'], after: ['b', 'a'] }]);
    expect(json({ r: { a: '1', b: '2' } }, { r: { b: '2', a: '1' } })).toEqual([]);
  });

  it('treats keys such as constructor and __proto__ as data', () => {
    expect(json(JSON.parse('{"constructor":1,"__proto__":2}'), {})).toEqual([
      { kind: 'removed', at: ['constructor'], value: 1, item: false },
      { kind: 'removed', at: ['__proto__'], value: 2, item: false },
    ]);
  });
});
