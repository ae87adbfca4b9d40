import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import { RECENT_PARSES, RecentParses } from '../../../../src/codec/xml/recent-parses.ts';

describe('RecentParses', () => {
  it('returns what was remembered for a text and nothing for an unknown text', () => {
    const memory = new RecentParses<number>();
    memory.set('<a/>', 1);
    expect(memory.get('<a/>')).toBe(1);
    expect(memory.get('<b/>')).toBeUndefined();
  });

  it('forgets the least recently used text first once it holds more than maxEntries', () => {
    const memory = new RecentParses<string>(2, 1000);
    memory.set('one', '1');
    memory.set('two', '2');
    expect(memory.get('one')).toBe('1');
    memory.set('three', '3');
    expect(memory.get('two')).toBeUndefined();
    expect(memory.get('one')).toBe('1');
    expect(memory.get('three')).toBe('3');
    expect(memory.size).toBe(2);
  });

  it('forgets old texts once the remembered characters exceed maxChars, and never keeps a longer text', () => {
    const memory = new RecentParses<number>(10, 10);
    memory.set('aaaa', 1);
    memory.set('bbbb', 2);
    memory.set('cccc', 3);
    expect(memory.get('aaaa')).toBeUndefined();
    expect(memory.get('bbbb')).toBe(2);
    expect(memory.get('cccc')).toBe(3);
    memory.set('x'.repeat(11), 4);
    expect(memory.get('x'.repeat(11))).toBeUndefined();
    expect(memory.size).toBe(2);
  });

  it('counts a text set twice once', () => {
    const memory = new RecentParses<number>(10, 8);
    memory.set('aaaa', 1);
    memory.set('aaaa', 2);
    memory.set('bbbb', 3);
    expect(memory.get('aaaa')).toBe(2);
    expect(memory.get('bbbb')).toBe(3);
  });

  it('is bounded by default to 256 documents and 1 Mi characters', () => {
    expect(RECENT_PARSES).toEqual({ maxEntries: 256, maxChars: 1024 * 1024 });
  });
});

describe('parseXml with recent parses', () => {
  it('gives a text parsed again the same tree, equal to a fresh parse', () => {
    const text = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Id>recent-1</Id></s:Body></s:Envelope>';
    const first = parseXml(text);
    const again = parseXml(text);
    expect(again).toBe(first);
    expect(first.ok && first.value.children[0]?.children[0]?.text).toBe('recent-1');
  });

  it('does not reuse a parse made with processing instructions allowed when they are forbidden', () => {
    const text = '<?xml version="1.0"?><r><?app recent-2?></r>';
    expect(parseXml(text, { forbidProcessingInstructions: false }).ok).toBe(true);
    const forbidden = parseXml(text);
    expect(forbidden.ok).toBe(false);
    expect(parseXml(text, { forbidProcessingInstructions: false }).ok).toBe(true);
  });

  it('does not reuse a parse made under the default limits when stricter limits are given', () => {
    const text = '<r><a/><a/><a/><b id="recent-3"/></r>';
    expect(parseXml(text).ok).toBe(true);
    const strict = parseXml(text, { limits: { maxElements: 2 } });
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.problem.rule).toBe('xml-too-many');
  });

  it('remembers a refused text as refused', () => {
    const text = '<r><unclosed recent-4></r>';
    const first = parseXml(text);
    expect(first.ok).toBe(false);
    expect(parseXml(text)).toBe(first);
  });
});
