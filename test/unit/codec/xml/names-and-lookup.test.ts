import { describe, expect, it } from 'vitest';
import { buildXml } from '../../../../src/codec/xml/build-xml.ts';
import { DEFAULT_XML_LIMITS, parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import type { XmlProblem } from '../../../../src/codec/xml/parse-xml.ts';
import { MAX_NAMESPACES_IN_SCOPE } from '../../../../src/codec/xml/resolve-namespaces.ts';
import { attributeValue, childElements, firstChild } from '../../../../src/codec/xml/xml-element.ts';
import type { XmlElement } from '../../../../src/codec/xml/xml-element.ts';

function problemOf(text: string): XmlProblem {
  const result = parseXml(text);
  if (result.ok) throw new Error(`Expected ${text} to be refused`);
  return result.problem;
}

function rootOf(text: string): XmlElement {
  const result = parseXml(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

describe('Namespaces in XML 1.0 §4: a qualified name is NCName or NCName:NCName', () => {
  for (const name of [':a', 'a:', 'a:b:c']) {
    it(`refuses the element name ${name}`, () => {
      expect(problemOf(`<r xmlns:a="urn:a"><${name}/></r>`)).toMatchObject({ rule: 'xml-malformed', message: `'${name}' is not a valid qualified name.`, line: 1, col: 20 });
    });
  }

  it(`binds at most ${MAX_NAMESPACES_IN_SCOPE} prefixes at once, counting the always-bound xml prefix`, () => {
    const declarations = (n: number): string => Array.from({ length: n }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ');
    expect(parseXml(`<r ${declarations(MAX_NAMESPACES_IN_SCOPE - 1)}/>`).ok).toBe(true);
    expect(problemOf(`<r ${declarations(MAX_NAMESPACES_IN_SCOPE)}/>`)).toMatchObject({ rule: 'xml-too-many', message: `More than ${MAX_NAMESPACES_IN_SCOPE} namespace prefixes are bound at once (the limit).` });
  });
});

describe('references and sizes', () => {
  it("refuses '&;', a reference without a name", () => {
    expect(problemOf('<r>&;</r>')).toMatchObject({ rule: 'xml-malformed', line: 1, col: 4 });
  });

  it('refuses a boolean attribute written before >, as HTML allows and XML does not', () => {
    expect(problemOf('<r a>')).toMatchObject({ rule: 'xml-malformed', message: "Attribute 'a' of 'r' has no value (write a=\"…\").", line: 1, col: 5 });
  });

  it("reports '<' followed by ']]>' as a bad tag, not as ']]>' in text", () => {
    expect(problemOf('<r>a<]]></r>').message).toBe("'<' must be followed by an element name, '/', '!' or '?'.");
  });

  it('accepts an ASCII document of exactly maxBytes and refuses one byte more', () => {
    const exact = `<r>${'x'.repeat(100 - 7)}</r>`;
    expect(exact).toHaveLength(100);
    expect(parseXml(exact, { limits: { maxBytes: 100 } }).ok).toBe(true);
    expect(parseXml(`${exact} `, { limits: { maxBytes: 100 } })).toMatchObject({ ok: false, problem: { rule: 'xml-too-large' } });
    expect(DEFAULT_XML_LIMITS.maxBytes).toBe(5 * 1024 * 1024);
  });

  it('counts a CDATA section of exactly maxTextChars as within the limit', () => {
    expect(parseXml('<r><![CDATA[abcde]]></r>', { limits: { maxTextChars: 5 } }).ok).toBe(true);
    expect(parseXml('<r><![CDATA[abcdef]]></r>', { limits: { maxTextChars: 5 } }).ok).toBe(false);
  });
});

describe('element lookup matches both the namespace and the local name', () => {
  const root = rootOf('<r xmlns:a="urn:a" xmlns:b="urn:b" a:k="1" b:k="2" k="3"><a:x>1</a:x><b:x>2</b:x><a:y>3</a:y><a:x>4</a:x></r>');

  it('lists only the children with that namespace and local name', () => {
    expect(childElements(root, 'urn:a', 'x').map((e) => e.text)).toEqual(['1', '4']);
    expect(childElements(root, 'urn:b', 'x').map((e) => e.text)).toEqual(['2']);
    expect(firstChild(root, 'urn:a', 'y')?.text).toBe('3');
    expect(firstChild(root, 'urn:b', 'y')).toBeUndefined();
  });

  it('finds an attribute by namespace and local name', () => {
    expect([attributeValue(root, 'urn:a', 'k'), attributeValue(root, 'urn:b', 'k'), attributeValue(root, '', 'k'), attributeValue(root, 'urn:a', 'z')]).toEqual(['1', '2', '3', undefined]);
  });
});

describe('buildXml namespace declarations', () => {
  it('refuses two namespaces that share one prefix', () => {
    const node = { ns: 'urn:a', local: 'r', children: [{ ns: 'urn:b', local: 'c' }] };
    expect(() => buildXml(node, { prefixes: { 'urn:a': 'p', 'urn:b': 'p' } })).toThrow("buildXml: prefix 'p' is given to both 'urn:a' and 'urn:b'.");
  });

  it('refuses a namespace with no prefix given, naming it', () => {
    expect(() => buildXml({ ns: 'urn:a', local: 'r' }, { prefixes: {} })).toThrow("buildXml: namespace 'urn:a' needs a prefix in options.prefixes (not empty, 'xml' or 'xmlns').");
  });
});
