import { describe, expect, it } from 'vitest';
import { DEFAULT_XML_LIMITS, parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import type { XmlProblem } from '../../../../src/codec/xml/parse-xml.ts';

function problemOf(text: string, limits?: Parameters<typeof parseXml>[1]): XmlProblem {
  const result = parseXml(text, limits);
  if (result.ok) throw new Error('Expected the document to be refused');
  return result.problem;
}

describe('parseXml limits inside the 5 MiB byte cap', () => {
  it('refuses 420,000 attributes on one element by the attribute limit, before building objects', () => {
    const body = `<r ${Array.from({ length: 420_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`;
    expect(Buffer.byteLength(body)).toBeLessThan(DEFAULT_XML_LIMITS.maxBytes);
    const problem = problemOf(body);
    expect(problem.rule).toBe('xml-too-many');
    expect(problem.message).toContain(`An element has more attributes than the limit of ${DEFAULT_XML_LIMITS.maxAttributesPerElement}`);
    expect(problem.line).toBe(1);
  });

  it('refuses more attributes in the whole document than the attribute limit', () => {
    const problem = problemOf(`<r>${'<a b="1" c="2" d="3"/>'.repeat(Math.ceil((DEFAULT_XML_LIMITS.maxAttributes + 1) / 3))}</r>`);
    expect(problem.message).toContain(`more attributes than the limit of ${DEFAULT_XML_LIMITS.maxAttributes}`);
  });

  it('refuses 1.2 million empty elements by the element limit', () => {
    const problem = problemOf(`<r>${'<a/>'.repeat(1_200_000)}</r>`);
    expect(problem).toMatchObject({ rule: 'xml-too-many' });
    expect(problem.message).toContain(`elements than the limit of ${DEFAULT_XML_LIMITS.maxElements}`);
  });

  it('refuses a million character references by the reference limit', () => {
    const problem = problemOf(`<r>${'&#65;'.repeat(1_000_000)}</r>`, { limits: { maxTextChars: 10_000_000 } });
    expect(problem.message).toContain(`references than the limit of ${DEFAULT_XML_LIMITS.maxReferences}`);
  });

  it('counts references in attribute values as well as in text', () => {
    const problem = problemOf(`<r a="&amp;&amp;&amp;">&lt;</r>`, { limits: { maxReferences: 3 } });
    expect(problem.message).toContain('references than the limit of 3');
    expect(parseXml(`<r a="&amp;&amp;">&lt;</r>`, { limits: { maxReferences: 3 } }).ok).toBe(true);
  });

  it('refuses more text than the text limit, CDATA included', () => {
    expect(problemOf('<r>abcdef</r>', { limits: { maxTextChars: 5 } }).message).toContain('text characters than the limit of 5');
    expect(problemOf('<r><![CDATA[abcdef]]></r>', { limits: { maxTextChars: 5 } }).rule).toBe('xml-too-many');
    expect(parseXml('<r>abcde</r>', { limits: { maxTextChars: 5 } }).ok).toBe(true);
  });

  it('accepts a document exactly at the element and attribute limits and refuses one past them', () => {
    expect(parseXml('<r a="1"><b c="2"/></r>', { limits: { maxElements: 2, maxAttributes: 2 } }).ok).toBe(true);
    expect(problemOf('<r a="1"><b c="2"/><d/></r>', { limits: { maxElements: 2 } }).message).toContain('elements than the limit of 2');
    expect(problemOf('<r a="1"><b c="2" e="3"/></r>', { limits: { maxAttributes: 2 } }).message).toContain('attributes than the limit of 2');
  });

  it('refuses more namespace prefixes in scope than the limit, which would make resolution quadratic', () => {
    const decls = Array.from({ length: 65 }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ');
    expect(problemOf(`<r ${decls}><a xmlns:q="urn:q"/></r>`)).toMatchObject({ rule: 'xml-too-many' });
    const fewer = Array.from({ length: 60 }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ');
    expect(parseXml(`<r ${fewer}><a xmlns:q="urn:q"/></r>`).ok).toBe(true);
  });
});

describe('parseXml refuses characters XML 1.0 forbids', () => {
  const forbidden: ReadonlyArray<readonly [string, string]> = [
    ['\u0000', 'U+0000'],
    ['\u0001', 'U+0001'],
    ['\u000B', 'U+000B'],
    ['\u001F', 'U+001F'],
    ['\uFFFE', 'U+FFFE'],
    ['\uFFFF', 'U+FFFF'],
    ['\uD800', 'U+D800'],
    ['\uDC00', 'U+DC00'],
  ];
  for (const [ch, code] of forbidden) {
    it(`refuses a raw ${code} in text and names it with its position`, () => {
      const problem = problemOf(`<r>\n  <a>x${ch}y</a>\n</r>`);
      expect(problem).toMatchObject({ rule: 'xml-forbidden-char', line: 2, col: 7 });
      expect(problem.message).toContain(code);
    });
  }

  it('refuses a forbidden character in an attribute value', () => {
    expect(problemOf('<r a="\u0007"/>').rule).toBe('xml-forbidden-char');
  });

  it('accepts tab, LF, CR, a surrogate pair and U+FFFD', () => {
    const result = parseXml('<r>\t\n\r\uD83D\uDE00\uFFFD</r>');
    expect(result.ok && result.value.text).toBe('\t\n\n\uD83D\uDE00\uFFFD');
  });
});

describe('parseXml counts what each limit names, and only that', () => {
  it('counts text inside the root only: white space around the root is not content', () => {
    expect(parseXml('\n\n<r>abcde</r>\n\n\n', { limits: { maxTextChars: 5 } }).ok).toBe(true);
    expect(problemOf('<r>abc<e/>def</r>', { limits: { maxTextChars: 5 } })).toMatchObject({ rule: 'xml-too-many', line: 1, col: 11 });
  });

  it('counts CDATA content toward the text limit, together with the text around it', () => {
    expect(parseXml('<r><![CDATA[abc]]>de</r>', { limits: { maxTextChars: 5 } }).ok).toBe(true);
    expect(problemOf('<r><![CDATA[abc]]>def</r>', { limits: { maxTextChars: 5 } }).message).toBe('The document has more text characters than the limit of 5.');
  });

  it('counts references in text and in attribute values against one total', () => {
    expect(parseXml('<r a="&amp;">&lt;</r>', { limits: { maxReferences: 2 } }).ok).toBe(true);
    expect(problemOf('<r a="&amp;&amp;"/>', { limits: { maxReferences: 1 } })).toMatchObject({ rule: 'xml-too-many', message: 'The document has more entity and character references than the limit of 1.', line: 1, col: 1 });
    expect(problemOf('<r>&amp;<e/>&lt;</r>', { limits: { maxReferences: 1 } })).toMatchObject({ message: 'The document has more entity and character references than the limit of 1.', line: 1, col: 13 });
  });

  it('accepts exactly maxAttributesPerElement attributes on one element and refuses one more, at its start tag', () => {
    expect(parseXml('<r><e a="1" b="2"/></r>', { limits: { maxAttributesPerElement: 2 } }).ok).toBe(true);
    expect(problemOf('<r>\n <e a="1" b="2" c="3"/></r>', { limits: { maxAttributesPerElement: 2 } })).toEqual({ rule: 'xml-too-many', message: 'An element has more attributes than the limit of 2.', line: 2, col: 2 });
  });

  it('places the element and attribute limits at the tag or attribute that passes them', () => {
    expect(problemOf('<r><a/>\n<b/></r>', { limits: { maxElements: 2 } })).toEqual({ rule: 'xml-too-many', message: 'The document has more elements than the limit of 2.', line: 2, col: 1 });
    expect(problemOf('<r a="1">\n<e b="2"/></r>', { limits: { maxAttributes: 1 } })).toEqual({ rule: 'xml-too-many', message: 'The document has more attributes than the limit of 1.', line: 2, col: 4 });
  });

  it('counts an empty-element tag at its depth, like any element', () => {
    expect(problemOf('<r><e/></r>', { limits: { maxDepth: 1 } })).toEqual({ rule: 'xml-too-deep', message: 'Elements are nested deeper than the limit of 1.', line: 1, col: 4 });
    expect(parseXml('<r/>', { limits: { maxDepth: 1, maxElements: 1 } }).ok).toBe(true);
    expect(parseXml('<r><a></a><b></b></r>', { limits: { maxDepth: 2 } }).ok).toBe(true);
  });
});
