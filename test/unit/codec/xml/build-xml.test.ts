import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildXml } from '../../../../src/codec/xml/build-xml.ts';
import type { BuildXmlOptions, XmlBuildNode } from '../../../../src/codec/xml/build-xml.ts';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import { attributeValue, clark, firstChild } from '../../../../src/codec/xml/xml-element.ts';
import type { XmlElement } from '../../../../src/codec/xml/xml-element.ts';

const FIXTURES = new URL('../../../fixtures/xml/', import.meta.url);
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const OPS = 'http://www.opsplanning.com/webservices/public/data';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const PREFIXES: BuildXmlOptions['prefixes'] = { [SOAP]: 'soap', [OPS]: 'ops', [XSI]: 'xsi' };
const HOSTILE = 'Fish & Chips <3 > "quoted" \'single\' ]]> é';

/** An opsplanning-like SOAP 1.1 request, with the cases the writer has to get right. */
const REQUEST: XmlBuildNode = {
  ns: SOAP,
  local: 'Envelope',
  children: [
    {
      ns: SOAP,
      local: 'Body',
      children: [
        {
          ns: OPS,
          local: 'UpdateInvoicePaymentStatus',
          children: [
            { ns: OPS, local: 'InvoiceNumber', text: '00102565' },
            { ns: OPS, local: 'Amount', attributes: { currency: 'EUR' }, text: '1.50' },
            { ns: OPS, local: 'PaidDate', attributes: { 'xsi:nil': 'true' } },
            { ns: OPS, local: 'Note', attributes: { title: `${HOSTILE}\n\tline\r` }, text: ` ${HOSTILE} ` },
            { ns: '', local: 'Unqualified', text: 'no namespace' },
          ],
        },
      ],
    },
  ],
};

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8').replace(/\n$/, '');
}

function parsed(xml: string): XmlElement {
  const result = parseXml(xml);
  if (!result.ok) throw new Error(`buildXml wrote XML parseXml rejects: ${JSON.stringify(result.problem)}`);
  return result.value;
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
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly Shape[];
}

/** What a build node should parse back to; attribute keys compare as `prefix:local`. */
function expectedShape(node: XmlBuildNode): Shape {
  return { name: clark(node.ns, node.local), attributes: node.attributes ?? {}, text: node.text ?? '', children: (node.children ?? []).map(expectedShape) };
}

function parsedShape(el: XmlElement, ignoreContainerText: boolean): Shape {
  const attributes = Object.fromEntries(el.attributes.map((attr) => [attr.prefix === '' ? attr.local : `${attr.prefix}:${attr.local}`, attr.value]));
  const text = ignoreContainerText && el.children.length > 0 ? el.text.trim() : el.text;
  return { name: clark(el.ns, el.local), attributes, text, children: el.children.map((child) => parsedShape(child, ignoreContainerText)) };
}

describe('buildXml', () => {
  it('writes the declaration, root-level namespace declarations sorted by prefix, and indented elements', () => {
    expect(buildXml(REQUEST, { prefixes: PREFIXES })).toBe(fixture('built-request.xml'));
  });

  it('writes everything on one line without a declaration when asked', () => {
    expect(buildXml(REQUEST, { prefixes: PREFIXES, indent: '', declaration: false })).toBe(fixture('built-request-compact.xml'));
  });

  it('round-trips compact output through parseXml to the same names, attributes and text', () => {
    const xml = buildXml(REQUEST, { prefixes: PREFIXES, indent: '' });
    expect(parsedShape(parsed(xml), false)).toEqual(expectedShape(REQUEST));
  });

  it('round-trips indented output, where only container elements gain whitespace text', () => {
    const xml = buildXml(REQUEST, { prefixes: PREFIXES, indent: '\t' });
    expect(parsedShape(parsed(xml), true)).toEqual(expectedShape(REQUEST));
  });

  it('escapes & < > in text and & < > " and line breaks in attribute values', () => {
    const xml = buildXml(REQUEST, { prefixes: PREFIXES });
    expect(xml).toContain('> Fish &amp; Chips &lt;3 &gt; "quoted" \'single\' ]]&gt; é </ops:Note>');
    expect(xml).toContain('title="Fish &amp; Chips &lt;3 &gt; &quot;quoted&quot; \'single\' ]]&gt; é&#10;&#9;line&#13;"');
    const note = at(parsed(xml), [SOAP, 'Body'], [OPS, 'UpdateInvoicePaymentStatus'], [OPS, 'Note']);
    expect(note.text).toBe(` ${HOSTILE} `);
    expect(attributeValue(note, '', 'title')).toBe(`${HOSTILE}\n\tline\r`);
  });

  it('declares the prefix of a literal attribute key such as xsi:nil, which then resolves', () => {
    const xml = buildXml({ ns: '', local: 'Invoice', attributes: { 'xsi:nil': 'true' } }, { prefixes: { [XSI]: 'xsi', [OPS]: 'ops' } });
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns:xsi="${XSI}" xsi:nil="true"/>`);
    expect(attributeValue(parsed(xml), XSI, 'nil')).toBe('true');
  });

  it('writes elements without children or text self-closing and never declares a default namespace', () => {
    const xml = buildXml({ ns: OPS, local: 'Errors', children: [{ ns: OPS, local: 'Error', text: '' }] }, { prefixes: PREFIXES, declaration: false });
    expect(xml).toBe(`<ops:Errors xmlns:ops="${OPS}">\n  <ops:Error/>\n</ops:Errors>`);
    expect(xml).not.toContain('xmlns=');
  });

  it('gives the same text for the same tree, whatever the order of the prefixes map', () => {
    const reordered = { [XSI]: 'xsi', [OPS]: 'ops', [SOAP]: 'soap', 'urn:unused': 'unused' };
    expect(buildXml(REQUEST, { prefixes: reordered })).toBe(buildXml(REQUEST, { prefixes: PREFIXES }));
  });

  it('throws a programming error for a namespace missing from prefixes', () => {
    expect(() => buildXml(REQUEST, { prefixes: { [SOAP]: 'soap' } })).toThrow(`namespace '${OPS}'`);
  });

  it('throws a programming error for an attribute prefix no namespace maps to', () => {
    expect(() => buildXml({ ns: '', local: 'Invoice', attributes: { 'xsi:nil': 'true' } }, { prefixes: {} })).toThrow("prefix 'xsi'");
  });
});
