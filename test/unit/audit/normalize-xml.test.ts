import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import { collectPrefixes, resolveQName } from '../../../src/audit/collect-prefixes.ts';
import { normalizeXml } from '../../../src/audit/normalize-xml.ts';
import type { TreeObject } from '../../../src/audit/tree-value.ts';

function normalize(xml: string): TreeObject {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return normalizeXml(parsed.value, collectPrefixes(xml));
}

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const FAULTS = [
  `<s:Envelope xmlns:s="${SOAP}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad</faultstring></s:Fault></s:Body></s:Envelope>`,
  `<soap:Envelope xmlns:soap="${SOAP}">\n  <soap:Body>\n    <soap:Fault>\n      <faultcode>soap:Client</faultcode>\n      <faultstring>Bad</faultstring>\n    </soap:Fault>\n  </soap:Body>\n</soap:Envelope>\n`,
  `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP}"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode> SOAP-ENV:Client </faultcode><faultstring>Bad</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  `<Envelope xmlns="${SOAP}" xmlns:e="${SOAP}"><Body><Fault><faultcode xmlns="">e:Client</faultcode><faultstring xmlns="">Bad</faultstring></Fault></Body></Envelope>`,
];

describe('normalizeXml', () => {
  it('normalizes soap:, s:, SOAP-ENV: and default-xmlns envelopes identically, QName text included', () => {
    const [first, ...rest] = FAULTS.map(normalize);
    for (const other of rest) expect(other).toEqual(first);
    expect(JSON.stringify(first)).toContain(`"faultcode":"{${SOAP}}Client"`);
  });

  it('keys elements and attributes by namespace URI and local name, repeats as arrays, nil as null', () => {
    const tree = normalize('<r xmlns="urn:a" xmlns:x="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><e>1</e><e>2</e><e>3</e><n xsi:nil="true"/><t x:lang="pt">text</t></r>');
    expect(JSON.parse(JSON.stringify(tree))).toEqual({ '{urn:a}r': { '{urn:a}e': ['1', '2', '3'], '{urn:a}n': null, '{urn:a}t': { '@{urn:x}lang': 'pt', '#text': 'text' } } });
  });

  it('ignores whitespace-only text and indentation but keeps the text of a leaf exactly', () => {
    expect(normalize('<a>\n  <b>x</b>\n  <c>  </c>\n</a>')).toEqual(normalize('<a><b>x</b><c/></a>'));
    // A trailing space is part of the value: EBizCharge's not-found answer is "Not Found ".
    expect(normalize('<a><b>Not Found </b></a>')).not.toEqual(normalize('<a><b>Not Found</b></a>'));
    expect(JSON.stringify(normalize('<a><b>Not Found </b></a>'))).toContain('"Not Found "');
  });
});

describe('resolveQName', () => {
  it('resolves a declared prefix and leaves anything else alone', () => {
    const prefixes = collectPrefixes(`<a xmlns:s="${SOAP}" xmlns:dup="urn:1"><b xmlns:dup="urn:2"/></a>`);
    expect(resolveQName('s:Server', prefixes)).toBe(`{${SOAP}}Server`);
    expect(resolveQName('dup:x', prefixes)).toBe('dup:x');
    expect(resolveQName('urn:isbn', prefixes)).toBe('urn:isbn');
    expect(resolveQName('Not Found ', prefixes)).toBe('Not Found ');
  });
});
