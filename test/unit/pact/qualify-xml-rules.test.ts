import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import { qualifyXmlRules } from '../../../src/pact/qualify-xml-rules.ts';
import { xmlBody } from '../../../src/pact/xml-body.ts';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const NS = 'urn:vendor';

function body(xml: string) {
  const root = parseXml(xml);
  if (!root.ok) throw new Error(root.problem.message);
  return xmlBody(root.value, {
    root: { name: 'Envelope', type: 'object', fields: [{ name: 'Body', type: 'object', fields: [{ name: 'R', type: 'object', fields: [{ name: 'Item', type: 'object', repeated: true, minItems: 2, fields: [{ name: 'N', type: 'integer' }] }] }] }] },
    payloadDepth: 2,
    when: [],
    isCredential: () => false,
  });
}

describe('qualifyXmlRules', () => {
  const plan = body(`<s:Envelope xmlns:s="${SOAP}"><s:Body><R xmlns="${NS}"><Item><N>1</N></Item><Item><N>2</N></Item></R></s:Body></s:Envelope>`);

  it('rewrites the prefixed paths the FFI writes into namespace-qualified ones, default namespace included', () => {
    const rules = { '$.s:Envelope.s:Body.R.Item': { matchers: [{ match: 'type', min: 2 }] }, '$.s:Envelope.s:Body.R.Item.N.#text': { matchers: [{ match: 'integer' }] } };
    expect(Object.keys(qualifyXmlRules(rules, plan.qualified))).toEqual([
      `$['${SOAP}:Envelope']['${SOAP}:Body']['${NS}:R']['${NS}:Item']`,
      `$['${SOAP}:Envelope']['${SOAP}:Body']['${NS}:R']['${NS}:Item']['${NS}:N']['#text']`,
    ]);
  });

  it('refuses a rule path that is no element of the body instead of letting it silently not apply', () => {
    expect(() => qualifyXmlRules({ '$.s:Envelope.s:Body.Other.#text': {} }, plan.qualified)).toThrow(/not an element of the body/);
  });

  it('builds eachLike with the documented minimum and the integer matcher for the XmlBuilder', () => {
    const json = JSON.parse(plan.builder) as { root: unknown };
    const text = JSON.stringify(json);
    expect(text).toContain('"pact:matcher:type":"type"');
    expect(text).toContain('"min":2');
    expect(text).toContain('"pact:matcher:type":"integer"');
    expect(text).toContain(`"xmlns":"${NS}"`);
  });
});
