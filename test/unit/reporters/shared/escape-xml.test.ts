import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, stripInvalidXmlChars } from '../../../../reporters/shared/escape-xml.ts';

describe('escapeXml', () => {
  it('escapes & < > in text and additionally quotes, apostrophes and line breaks in attributes', () => {
    expect(escapeXmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(escapeXmlAttribute(`<&"'\n\t`)).toBe('&lt;&amp;&quot;&apos;&#10;&#9;');
  });

  it('strips C0 controls, lone surrogates and U+FFFE/U+FFFF but keeps tab, newlines and astral characters', () => {
    const controls = Array.from({ length: 9 }, (_, i) => String.fromCharCode(i)).join('');
    expect(stripInvalidXmlChars(`a${controls}\u000B\u000C\u001Fb`)).toBe('ab');
    expect(stripInvalidXmlChars('x\uD800y\uFFFEz\uFFFF')).toBe('xyz');
    expect(stripInvalidXmlChars('\t\n\r é € 😀')).toBe('\t\n\r é € 😀');
  });

  it('always yields a well-formed document, even from ]]> and control characters', () => {
    const hostile = '<&"]]>\u0000\u0001\u0008\'';
    const xml = `<r a="${escapeXmlAttribute(hostile)}">${escapeXmlText(hostile)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
