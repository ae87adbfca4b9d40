import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';

const doc = (id: string): string => `<r xmlns="urn:test"><id>${id}</id></r>`;

describe('parseXml remember: false', () => {
  it('parses the text anew each time, where the default gives a recent parse back', () => {
    const text = doc('remember-1');
    const a = parseXml(text, { remember: false });
    const b = parseXml(text, { remember: false });
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(parseXml(text)).toBe(parseXml(text));
  });

  it('neither reads nor fills the memory of recent parses', () => {
    const text = doc('remember-2');
    const unremembered = parseXml(text, { remember: false });
    const remembered = parseXml(text);
    expect(remembered).not.toBe(unremembered);
    expect(parseXml(text, { remember: false })).not.toBe(remembered);
  });

  it('gives the same verdicts as a remembered parse, problems included', () => {
    expect(parseXml('<r><p:b/></r>', { remember: false })).toEqual(parseXml('<r><p:b/></r>'));
    const ok = parseXml(doc('remember-3'), { remember: false });
    expect(ok.ok && ok.value.children[0]?.text).toBe('remember-3');
  });
});
