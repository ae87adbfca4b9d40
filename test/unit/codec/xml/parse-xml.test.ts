import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/model/result.ts';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import type { ParseXmlOptions, XmlProblem } from '../../../../src/codec/xml/parse-xml.ts';
import { attributeValue, childElements, clark, firstChild } from '../../../../src/codec/xml/xml-element.ts';
import type { XmlElement } from '../../../../src/codec/xml/xml-element.ts';

const FIXTURES = new URL('../../../fixtures/xml/', import.meta.url);
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const OPS = 'http://www.opsplanning.com/webservices/public/data';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XML = 'http://www.w3.org/XML/1998/namespace';

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function valueOf(result: Result<XmlElement, XmlProblem>): XmlElement {
  if (!result.ok) throw new Error(`Expected a parsed document, got ${JSON.stringify(result.problem)}`);
  return result.value;
}

function parsed(name: string, options?: ParseXmlOptions): XmlElement {
  return valueOf(parseXml(fixture(name), options));
}

function problemOf(name: string, options?: ParseXmlOptions): XmlProblem {
  const result = parseXml(fixture(name), options);
  if (result.ok) throw new Error(`Expected ${name} to be rejected`);
  return result.problem;
}

/** Follow a path of `[ns, local]` steps from `el`, failing the test when a step is missing. */
function at(el: XmlElement, ...path: ReadonlyArray<readonly [string, string]>): XmlElement {
  return path.reduce((current, [ns, local]) => {
    const next = firstChild(current, ns, local);
    if (next === undefined) throw new Error(`No ${clark(ns, local)} under ${clark(current.ns, current.local)}`);
    return next;
  }, el);
}

interface Shape {
  readonly name: string;
  readonly attributes: readonly string[];
  readonly text: string;
  readonly children: readonly Shape[];
}

/** The tree by namespace, local name, attributes and text, ignoring prefixes. */
function shape(el: XmlElement): Shape {
  return {
    name: clark(el.ns, el.local),
    attributes: el.attributes.map((attr) => `${clark(attr.ns, attr.local)}=${attr.value}`),
    text: el.text,
    children: el.children.map(shape),
  };
}

describe('parseXml', () => {
  describe('namespaces', () => {
    const envelopes = readdirSync(new URL('envelopes/', FIXTURES)).sort();

    it('parses soap:, soapenv:, SOAP-ENV:, s:, default-xmlns and prefixed-payload envelopes identically', () => {
      expect(envelopes.length).toBeGreaterThanOrEqual(6);
      const expected = shape(parsed('envelopes/soap-prefix.xml'));
      for (const name of envelopes) {
        expect({ name, shape: shape(parsed(`envelopes/${name}`)) }).toEqual({ name, shape: expected });
      }
    });

    it('resolves the payload to the opsplanning namespace whatever prefixes the envelope uses', () => {
      for (const name of envelopes) {
        const root = parsed(`envelopes/${name}`);
        const result = at(root, [SOAP, 'Body'], [OPS, 'UpdateInvoicePaymentStatusResponse'], [OPS, 'UpdateInvoicePaymentStatusResult']);
        expect([root.ns, root.local]).toEqual([SOAP, 'Envelope']);
        expect(at(result, [OPS, 'Result']).text).toBe('Ok');
        expect(at(result, [OPS, 'Data'], [OPS, 'InvoiceTimestamp']).text).toBe('AAAAABLXruQ=');
        expect(firstChild(result, '', 'Result')).toBeUndefined();
      }
    });

    it('keeps the prefix as written, for information only', () => {
      const root = parsed('envelopes/soap-env-prefix.xml');
      expect(root.prefix).toBe('SOAP-ENV');
      expect(at(root, [SOAP, 'Body'], [OPS, 'UpdateInvoicePaymentStatusResponse']).prefix).toBe('');
    });

    it('applies the default namespace to elements but not to unprefixed attributes', () => {
      const root = parsed('scoped-namespaces.xml');
      expect(root.ns).toBe('urn:example:outer');
      expect(attributeValue(root, '', 'plain')).toBe('1');
      expect(attributeValue(root, 'urn:example:outer', 'plain')).toBeUndefined();
      expect(attributeValue(root, 'urn:example:p', 'qualified')).toBe('2');
    });

    it('scopes declarations to the element that makes them, including xmlns="" and rebound prefixes', () => {
      const root = parsed('scoped-namespaces.xml');
      const child = at(root, ['urn:example:outer', 'child']);
      expect(attributeValue(at(child, ['urn:example:inner', 'inner']), 'urn:example:p', 'attr')).toBe('3');
      expect(at(child, ['', 'reset'], ['', 'none']).ns).toBe('');
      expect(at(child, ['urn:example:p2', 'rebound']).prefix).toBe('p');
      expect(at(root, ['urn:example:p', 'sibling']).local).toBe('sibling');
    });

    it('does not list xmlns declarations as attributes', () => {
      const root = parsed('scoped-namespaces.xml');
      expect(root.attributes.map((attr) => attr.local)).toEqual(['plain', 'qualified']);
      expect(parsed('envelopes/soap-env-prefix.xml').attributes).toEqual([]);
    });

    it('resolves namespaced attributes such as xsi:nil and the predefined xml: prefix', () => {
      const root = parsed('entities-and-cdata.xml');
      expect(attributeValue(at(root, ['', 'Nil']), XSI, 'nil')).toBe('true');
      expect(attributeValue(at(root, ['', 'Nil']), '', 'nil')).toBeUndefined();
      expect(root.attributes.find((attr) => attr.local === 'lang')).toEqual({ ns: XML, local: 'lang', prefix: 'xml', value: 'fr' });
    });

    it('rejects an undeclared element prefix with xml-undeclared-prefix and its position', () => {
      expect(problemOf('undeclared-prefix.xml')).toMatchObject({ rule: 'xml-undeclared-prefix', line: 3, col: 5 });
      expect(problemOf('undeclared-prefix.xml').message).toContain("Prefix 'tns' of 'tns:Result' is not declared.");
    });

    it('rejects an undeclared attribute prefix with xml-undeclared-prefix', () => {
      expect(problemOf('undeclared-attribute-prefix.xml')).toMatchObject({ rule: 'xml-undeclared-prefix', line: 3 });
    });

    it('rejects a prefix used outside the element that declared it', () => {
      expect(problemOf('prefix-out-of-scope.xml')).toMatchObject({ rule: 'xml-undeclared-prefix', line: 3, col: 3 });
    });
  });

  describe('values', () => {
    it('keeps values as strings without coercion', () => {
      const root = parsed('values.xml');
      expect(at(root, ['', 'Number']).text).toBe('00102565');
      expect(at(root, ['', 'Amount']).text).toBe('1.50');
      expect(at(root, ['', 'Paid']).text).toBe('true');
      expect(at(root, ['', 'Empty']).text).toBe('');
    });

    it('preserves whitespace in leaf text and normalizes CRLF to LF', () => {
      const root = parsed('values.xml');
      expect(at(root, ['', 'Error']).text).toBe('Not Found ');
      expect(at(root, ['', 'Note']).text).toBe('  two  spaces\n and a CRLF line break ');
    });

    it('decodes predefined entities and character references in text and attributes', () => {
      const root = parsed('entities-and-cdata.xml');
      expect(at(root, ['', 'Text']).text).toBe('Fish & Chips <3 Café é😀 &#233;');
      expect(attributeValue(root, '', 'kind')).toBe('a & b <c> "d" é');
    });

    it('keeps CDATA verbatim and concatenates it with the surrounding text, dropping comments', () => {
      const root = parsed('entities-and-cdata.xml');
      expect(at(root, ['', 'Raw']).text).toBe('<b>bold</b> & &amp; more');
      expect(at(root, ['', 'Mixed']).text).toBe('a<b>cd');
    });

    it('lists repeated children in document order', () => {
      const root = parsed('values.xml');
      expect(root.children.map((child) => child.local)).toEqual(['Number', 'Amount', 'Paid', 'Error', 'Note', 'Empty']);
      expect(childElements(root, '', 'Note')).toHaveLength(1);
    });

    it('ignores a leading byte order mark', () => {
      expect(at(parsed('bom.xml'), ['urn:example:invoice', 'Number']).text).toBe('1');
    });

    it('rejects an undeclared entity such as &eacute; as xml-malformed', () => {
      expect(problemOf('undeclared-entity.xml')).toMatchObject({ rule: 'xml-malformed', message: expect.stringContaining('&eacute;') });
    });
  });

  describe('hostile and broken documents', () => {
    it('rejects a billion-laughs DOCTYPE with xml-doctype before expanding anything', () => {
      expect(problemOf('doctype-billion-laughs.xml')).toMatchObject({ rule: 'xml-doctype', line: 2, col: 1 });
    });

    it('rejects an external-entity DOCTYPE with xml-doctype', () => {
      expect(problemOf('doctype-external-entity.xml')).toMatchObject({ rule: 'xml-doctype' });
    });

    it('rejects a processing instruction inside the document with xml-processing-instruction', () => {
      expect(problemOf('pi-php.xml')).toMatchObject({ rule: 'xml-processing-instruction', line: 3, col: 13 });
    });

    it('rejects an xml-stylesheet processing instruction by default', () => {
      expect(problemOf('pi-stylesheet.xml')).toMatchObject({ rule: 'xml-processing-instruction', line: 2 });
    });

    it('accepts processing instructions when allowed and leaves them out of the tree', () => {
      const root = parsed('pi-stylesheet.xml', { forbidProcessingInstructions: false });
      expect(shape(root)).toEqual({ name: 'Invoice', attributes: [], text: '', children: [{ name: 'Number', attributes: [], text: '00102565', children: [] }] });
      expect(at(parsed('pi-php.xml', { forbidProcessingInstructions: false }), [SOAP, 'Body'], ['', 'Result']).text).toBe('');
    });

    it('rejects an XML declaration that is not at the very start as xml-malformed', () => {
      expect(problemOf('declaration-not-first.xml')).toMatchObject({ rule: 'xml-malformed', line: 2 });
    });

    it('reports a truncated document as xml-malformed with a line and column', () => {
      const problem = problemOf('truncated.xml');
      expect(problem.rule).toBe('xml-malformed');
      expect(problem.line).toBeGreaterThan(1);
      expect(problem.col).toBeGreaterThan(0);
    });

    it('reports a second root element as xml-malformed', () => {
      expect(problemOf('two-roots.xml')).toMatchObject({ rule: 'xml-malformed', line: 2, col: 1 });
    });

    it('reports empty and whitespace-only documents as xml-empty', () => {
      expect(problemOf('empty.xml').rule).toBe('xml-empty');
      expect(problemOf('whitespace-only.xml').rule).toBe('xml-empty');
      expect(problemOf('empty.xml').message).toBe('The document is empty.');
    });
  });

  describe('limits', () => {
    it('rejects a document larger than maxBytes with xml-too-large', () => {
      expect(problemOf('envelopes/soap-prefix.xml', { limits: { maxBytes: 100 } }).rule).toBe('xml-too-large');
      expect(problemOf('envelopes/soap-prefix.xml', { limits: { maxBytes: 100 } }).message).toBe('The document is larger than the limit of 100 bytes.');
    });

    it('counts maxBytes in UTF-8 bytes, not characters', () => {
      const text = fixture('multibyte.xml');
      expect(parseXml(text, { limits: { maxBytes: Buffer.byteLength(text) } }).ok).toBe(true);
      expect(problemOf('multibyte.xml', { limits: { maxBytes: text.length } }).rule).toBe('xml-too-large');
    });

    it('rejects 100000 nested elements with xml-too-deep instead of throwing', () => {
      expect(problemOf('deep-100000.xml')).toMatchObject({ rule: 'xml-too-deep', line: 1, col: 193 });
    });

    it('accepts nesting up to maxDepth and rejects one level more', () => {
      expect(parseXml(fixture('values.xml'), { limits: { maxDepth: 2 } }).ok).toBe(true);
      expect(problemOf('values.xml', { limits: { maxDepth: 1 } })).toMatchObject({ rule: 'xml-too-deep', line: 3, col: 1 });
    });
  });

  it('never throws, even for a value that is not a string', () => {
    expect(parseXml(undefined as unknown as string)).toMatchObject({ ok: false, problem: { rule: 'xml-malformed' } });
  });
});
