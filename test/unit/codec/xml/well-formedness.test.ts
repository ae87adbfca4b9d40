import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import type { XmlProblem } from '../../../../src/codec/xml/parse-xml.ts';

/**
 * Well-formedness as XML 1.0 (fifth edition) and Namespaces in XML 1.0 define it, checked by the
 * scan that runs before fast-xml-parser (which itself checks none of it). Each document is also
 * given to xmllint, an independent parser, so the expectations do not come from our own code.
 */
function problemOf(text: string): XmlProblem {
  const result = parseXml(text, { forbidProcessingInstructions: false });
  if (result.ok) throw new Error(`Expected ${JSON.stringify(text)} to be refused`);
  return result.problem;
}

/** xmllint's verdict: true when it reads the document as well-formed. */
function xmllintAccepts(text: string): boolean {
  return spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: text }).status === 0;
}

interface Malformed {
  readonly title: string;
  readonly text: string;
  readonly message: string;
  readonly line: number;
  readonly col: number;
}

const MALFORMED: readonly Malformed[] = [
  // §3 element type match: the end tag names the element opened last.
  { title: 'an end tag that does not match the open element', text: '<a>\n  <b></c>\n</a>', message: "End tag '</c>' does not match the open element 'b' (opened at line 2, col 3)", line: 2, col: 6 },
  { title: 'overlapping elements', text: '<a><b></a></b>', message: "End tag '</a>' does not match the open element 'b'", line: 1, col: 7 },
  { title: 'an end tag with nothing open', text: '<a/></a>', message: "End tag '</a>' has no open element to close", line: 1, col: 5 },
  { title: 'an end tag with attributes', text: '<a></a x="1">', message: "Malformed end tag '</a x'", line: 1, col: 4 },
  // §2.1 document: exactly one root element, only white space, comments and PIs around it.
  { title: 'a second root element', text: '<a/>\n<b/>', message: 'more than one root element', line: 2, col: 1 },
  { title: 'text after the root element', text: '<a/>\nx', message: 'Text is not allowed after the root element', line: 2, col: 1 },
  { title: 'text before the root element', text: 'x<a/>', message: 'Text is not allowed before the root element', line: 1, col: 1 },
  { title: 'a CDATA section outside the root element', text: '<a/><![CDATA[x]]>', message: 'CDATA section is only allowed inside the root element', line: 1, col: 5 },
  // §3.1 start tags: names, Eq, quoted values, white space between attributes, Unique Att Spec.
  { title: 'an element name starting with a digit', text: '<r><1a/></r>', message: "'<' must be followed by an element name", line: 1, col: 4 },
  { title: "'<' followed by white space", text: '<r>a < b</r>', message: "'<' must be followed by an element name", line: 1, col: 6 },
  { title: 'an attribute without a value', text: '<r checked/>', message: "Attribute 'checked' of 'r' has no value", line: 1, col: 11 },
  { title: 'an unquoted attribute value', text: '<r a=1/>', message: "The value of attribute 'a' of 'r' must be in quotes", line: 1, col: 6 },
  { title: 'attributes not separated by white space', text: '<r a="1"b="2"/>', message: 'must be separated by white space', line: 1, col: 9 },
  { title: 'a repeated attribute', text: '<r a="1" b="2" a="3"/>', message: "Attribute 'a' is repeated in the start tag of 'r'", line: 1, col: 16 },
  { title: 'an invalid character in a start tag', text: '<r a="1" $/>', message: "Unexpected '$' in the start tag of 'r'", line: 1, col: 10 },
  { title: "a '<' in an attribute value", text: '<r a="x<y"/>', message: "'<' is not allowed in an attribute value", line: 1, col: 8 },
  // §4.1 references: every '&' starts `&Name;`, `&#digits;` or `&#xhex;`.
  { title: 'a bare ampersand in text', text: '<r>Fish & Chips</r>', message: "'&' does not start a reference", line: 1, col: 9 },
  { title: 'a reference without its semicolon', text: '<r>&amp</r>', message: "'&' does not start a reference", line: 1, col: 4 },
  { title: 'a character reference without digits', text: '<r>&#;</r>', message: "'&' does not start a reference", line: 1, col: 4 },
  { title: 'a hexadecimal reference with a non-hex digit', text: '<r>&#xG1;</r>', message: "'&' does not start a reference", line: 1, col: 4 },
  { title: 'a bare ampersand in an attribute value', text: '<r a="b & c"/>', message: "'&' in the value of attribute 'a' does not start a reference", line: 1, col: 9 },
  // §2.4 and §2.5: `]]>` never in character data, `--` never inside a comment.
  { title: "']]>' in text", text: '<r>a]]>b</r>', message: "']]>' is not allowed in text", line: 1, col: 5 },
  { title: "'--' inside a comment", text: '<r><!-- a -- b --></r>', message: "'--' is not allowed inside a comment", line: 1, col: 4 },
  { title: "a comment ending in '--->'", text: '<r><!-- a ---></r>', message: "'--' is not allowed inside a comment", line: 1, col: 4 },
  // §2.8 the XML declaration: version first, then encoding and standalone, nothing else.
  { title: 'an XML declaration without a version', text: '<?xml encoding="UTF-8"?><r/>', message: 'The XML declaration is malformed', line: 1, col: 1 },
  { title: 'an XML declaration with standalone before encoding', text: '<?xml version="1.0" standalone="yes" encoding="UTF-8"?><r/>', message: 'The XML declaration is malformed', line: 1, col: 1 },
  { title: 'a standalone value other than yes or no', text: '<?xml version="1.0" standalone="maybe"?><r/>', message: 'The XML declaration is malformed', line: 1, col: 1 },
  { title: 'an XML declaration after white space', text: ' <?xml version="1.0"?><r/>', message: 'only allowed at the very start', line: 1, col: 2 },
  { title: 'a processing instruction without a target', text: '<r><? x?></r>', message: "'<?' must be followed by the name", line: 1, col: 4 },
  { title: "a processing instruction whose target is a case variant of 'xml' (reserved)", text: '<r><?XML x?></r>', message: 'only allowed at the very start', line: 1, col: 4 },
  { title: 'an end tag with white space before its name', text: '<a></ a>', message: "Malformed end tag '</ a': it must be '</name>'.", line: 1, col: 4 },
  { title: "']]>' in text after one inside a comment", text: '<r>a<!-- ]]> -->b]]>c</r>', message: "']]>' is not allowed in text", line: 1, col: 18 },
  { title: "a '<' in a later attribute value", text: '<r a="1"\n   b="x<y"/>', message: "'<' is not allowed in an attribute value", line: 2, col: 8 },
  { title: "'/' not followed by '>' in a start tag", text: '<r / >', message: "Unexpected '/' in the start tag of 'r'", line: 1, col: 4 },
  { title: 'a markup declaration such as <!ELEMENT', text: '<r><!ELEMENT r ANY></r>', message: "Markup declaration '<!ELEMENT ' is not allowed", line: 1, col: 4 },
];

/** Truncated documents: the problem sits where the text ends and names what is left open. */
const TRUNCATED: ReadonlyArray<readonly [string, string, string]> = [
  ['inside a start tag', '<a>\n<b x="1"', "The document ends inside the start tag of 'b' (truncated?); these elements are not closed: a."],
  ['inside an attribute value', '<a x="1', "The document ends inside the value of attribute 'x' of 'a' (truncated?)."],
  ['after an attribute name', '<a x', "The document ends inside the start tag of 'a' (truncated?)."],
  ['after an equals sign', '<a x=', "The document ends inside the start tag of 'a' (truncated?)."],
  ['inside an end tag', '<a><b></b', "The document ends inside the end tag of 'b' (truncated?); these elements are not closed: a, b."],
  ['after a lone <', '<a><', 'The document ends inside a tag (truncated?); these elements are not closed: a.'],
  ['inside a comment', '<a><!-- x', 'The document ends inside a comment (truncated?); these elements are not closed: a.'],
  ['inside a CDATA section', '<a><![CDATA[x', 'The document ends inside a CDATA section (truncated?); these elements are not closed: a.'],
  ['inside a processing instruction', '<a><?pi x', "The document ends inside the processing instruction '<?pi' (truncated?); these elements are not closed: a."],
  ['inside the XML declaration', '<?xml version="1.0"', 'The document ends inside the XML declaration (truncated?).'],
  ['after the slash of an empty-element tag', '<a><b/', "The document ends inside the start tag of 'b' (truncated?); these elements are not closed: a."],
  ['after a space in a start tag', '<a><b ', "The document ends inside the start tag of 'b' (truncated?); these elements are not closed: a."],
  ['before an attribute value', '<a x=  ', "The document ends inside the start tag of 'a' (truncated?)."],
  ['after an end tag name and white space', '<a></a ', "The document ends inside the end tag of 'a' (truncated?); these elements are not closed: a."],
  ['inside the start of a comment', '<a><!-', "The document ends inside the markup '<!-' (truncated?); these elements are not closed: a."],
  ['inside the start of a CDATA section', '<a><![CDA', "The document ends inside the markup '<![CDA' (truncated?); these elements are not closed: a."],
  ['with elements open', '<a>\n  <b>text', 'The document ends before these elements are closed: a, b (truncated?)'],
];

describe('parseXml refuses documents that are not well-formed (XML 1.0)', () => {
  for (const { title, text, message, line, col } of MALFORMED) {
    it(`refuses ${title}, at its position`, () => {
      expect(xmllintAccepts(text)).toBe(false);
      const problem = problemOf(text);
      expect(problem).toMatchObject({ rule: 'xml-malformed', line, col });
      expect(problem.message).toContain(message);
    });
  }

  for (const [where, text, message] of TRUNCATED) {
    it(`says where a document truncated ${where} ends`, () => {
      expect(xmllintAccepts(text)).toBe(false);
      const lines = text.split('\n');
      expect(problemOf(text)).toEqual({ rule: 'xml-malformed', message, line: lines.length, col: (lines.at(-1) ?? '').length + 1 });
    });
  }

  it('refuses a document with no root element, only a comment', () => {
    expect(xmllintAccepts('<!-- nothing -->')).toBe(false);
    expect(problemOf('<!-- nothing -->')).toEqual({ rule: 'xml-malformed', message: 'The document has no root element.' });
  });
});

describe('parseXml accepts what XML 1.0 allows', () => {
  const WELL_FORMED: ReadonlyArray<readonly [string, string]> = [
    ['non-ASCII names (NameStartChar and NameChar)', '<Café·1 données-x.y="1"><_a/><ñ/></Café·1>'],
    ['single-quoted values holding the other quote and >', `<r a='say "hi" > bye'/>`],
    ['white space around = and before > or /> and in end tags', '<r a = "1"\n\tb=\'2\' ><e />\n</r\n>'],
    ['comments, processing instructions and white space around the root', '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- c --><?pi data?>\n<r/>\n<!-- after -->\n'],
    ['every reference form', '<r a="&lt;&#60;&#x3C;">&amp;&apos;&quot;&gt;&#x1F600;&#233;</r>'],
    ["']]' and '>' alone in text, and ']]>' ending CDATA", '<r>a]]b > c<![CDATA[ <x> & ]] ]]></r>'],
    ['an empty comment and one with single dashes', '<r><!----><!-- a - b --></r>'],
    ['an XML declaration in single quotes', "<?xml version='1.0' encoding='ISO-8859-1'?><r/>"],
  ];
  for (const [what, text] of WELL_FORMED) {
    it(`accepts ${what}`, () => {
      expect(xmllintAccepts(text)).toBe(true);
      expect(parseXml(text, { forbidProcessingInstructions: false })).toMatchObject({ ok: true });
    });
  }
});
