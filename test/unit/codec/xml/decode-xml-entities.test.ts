import { describe, expect, it } from 'vitest';
import { decodeXmlEntities } from '../../../../src/codec/xml/decode-xml-entities.ts';

// XML 1.0 (fifth edition) §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const ALLOWED: ReadonlyArray<readonly [string, number]> = [
  ['#x9', 0x9],
  ['#xA', 0xa],
  ['#xD', 0xd],
  ['#x20', 0x20],
  ['#xD7FF', 0xd7ff],
  ['#xE000', 0xe000],
  ['#xFFFD', 0xfffd],
  ['#x10000', 0x10000],
  ['#x10FFFF', 0x10ffff],
  ['#9', 9],
  ['#1114111', 0x10ffff],
];
const FORBIDDEN = ['#x0', '#x8', '#xB', '#x1F', '#xD800', '#xDFFF', '#xFFFE', '#xFFFF', '#x110000', '#0', '#31', '#1114112'];

describe('decodeXmlEntities', () => {
  it('decodes the five predefined entities', () => {
    expect(decodeXmlEntities('&amp;&lt;&gt;&quot;&apos;')).toBe(`&<>"'`);
  });

  it('decodes in one pass, so an escaped ampersand before #233; stays literal', () => {
    expect(decodeXmlEntities('&amp;#233; &#233; &#xE9; &#xe9;')).toBe('&#233; é é é');
  });

  it('returns text without references unchanged', () => {
    expect(decodeXmlEntities('Smartcard x2; 30 EUR')).toBe('Smartcard x2; 30 EUR');
  });

  it.each(ALLOWED)('accepts the character reference &%s; at the edge of an XML Char range', (ref, code) => {
    expect(decodeXmlEntities(`a&${ref};b`)).toBe(`a${String.fromCodePoint(code)}b`);
  });

  it.each(FORBIDDEN)('refuses the character reference &%s;, which XML 1.0 does not allow', (ref) => {
    expect(() => decodeXmlEntities(`a&${ref};b`)).toThrow(`Invalid character reference '&${ref};'`);
  });

  it.each(['#', '#x', '#12a', '#xG1', '#-1', '#x1234567', '#12345678'])('refuses the malformed character reference &%s;', (ref) => {
    expect(() => decodeXmlEntities(`&${ref};`)).toThrow(`Invalid character reference '&${ref};'`);
  });

  it('refuses an entity XML does not predefine, naming it', () => {
    expect(() => decodeXmlEntities('caf&eacute;')).toThrow("Undeclared entity '&eacute;'");
  });

  it('refuses a reference without its semicolon, quoting it', () => {
    expect(() => decodeXmlEntities('Fish &amp Chips')).toThrow("Unterminated reference '&amp'");
    expect(() => decodeXmlEntities('AT&T')).toThrow("Unterminated reference '&T'");
  });

  it('quotes at most 40 characters of a long unterminated or unknown reference', () => {
    const long = 'x'.repeat(100);
    expect(() => decodeXmlEntities(`&${long}`)).toThrow(`Unterminated reference '&${'x'.repeat(39)}'`);
    expect(() => decodeXmlEntities(`&${long};`)).toThrow(`Undeclared entity '&${'x'.repeat(40)};'`);
  });
});
