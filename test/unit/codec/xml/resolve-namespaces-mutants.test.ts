import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import type { XmlElement } from '../../../../src/codec/xml/xml-element.ts';

const FIXTURES = new URL('../../../fixtures/xml/namespaces/', import.meta.url);
const XML = 'http://www.w3.org/XML/1998/namespace';

function parse(name: string): ReturnType<typeof parseXml> {
  return parseXml(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

/** The first child element of the fixture's root (its <item>). */
function itemOf(name: string): XmlElement {
  const result = parse(name);
  if (!result.ok) throw new Error(`Expected ${name} to parse, got ${JSON.stringify(result.problem)}`);
  const item = result.value.children[0];
  if (item === undefined) throw new Error(`${name} has no <item>`);
  return item;
}

describe('namespace well-formedness (Namespaces in XML 1.0)', () => {
  it.each([
    ['xmlns-prefix-declared.xml', "Prefix 'xmlns' cannot be bound"],
    ['xml-prefix-rebound.xml', "Prefix 'xml' cannot be bound to 'urn:example:not-xml'"],
    ['other-prefix-bound-to-xml-namespace.xml', "Prefix 'x' cannot be bound to 'http://www.w3.org/XML/1998/namespace'"],
    ['prefix-undeclared.xml', "Prefix 'p' cannot be undeclared"],
    ['attribute-repeated-through-two-prefixes.xml', "Attribute 'b:id' repeats the attribute"],
    ['attribute-without-local-name.xml', "'p:' is not a valid qualified name"],
  ])('rejects %s as not well-formed, saying why', (name, reason) => {
    const result = parse(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ rule: 'xml-malformed', message: expect.stringContaining(reason) });
  });

  it('lets xmlns="" take an element out of the default namespace', () => {
    expect(itemOf('default-namespace-undeclared.xml')).toMatchObject({ ns: '', local: 'item' });
  });

  it('accepts the xml prefix declared with its own namespace and resolves xml:lang there', () => {
    const result = parse('xml-prefix-declared-correctly.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.attributes).toEqual([{ ns: XML, local: 'lang', prefix: 'xml', value: 'en' }]);
  });

  it('keeps attributes that share a local name in different namespaces, leaving the unprefixed one outside the default namespace', () => {
    expect(itemOf('same-local-attribute-in-different-namespaces.xml').attributes).toEqual([
      { ns: 'urn:example:a', local: 'id', prefix: 'a', value: '1' },
      { ns: 'urn:example:b', local: 'id', prefix: 'b', value: '2' },
      { ns: '', local: 'id', prefix: '', value: '3' },
    ]);
  });

  it('accepts ordinary attributes with empty values, prefixed or not', () => {
    expect(itemOf('empty-attribute-values.xml').attributes).toEqual([
      { ns: '', local: 'note', prefix: '', value: '' },
      { ns: 'urn:example:p', local: 'flag', prefix: 'p', value: '' },
    ]);
  });
});
