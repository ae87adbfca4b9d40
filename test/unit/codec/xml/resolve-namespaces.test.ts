import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../src/codec/xml/parse-xml.ts';
import { ROOT_SCOPE, resolveNamespaces, XML_NAMESPACE } from '../../../../src/codec/xml/resolve-namespaces.ts';

/** The message of the problem a document is refused with, failing the test when it is accepted. */
function refused(text: string): string {
  const result = parseXml(text);
  if (result.ok) throw new Error(`Expected ${text} to be refused`);
  return `${result.problem.rule}: ${result.problem.message}`;
}

describe('resolveNamespaces enforces the well-formedness rules of Namespaces in XML 1.0', () => {
  it('refuses declaring the xmlns prefix', () => {
    expect(refused('<r xmlns:xmlns="urn:x"/>')).toBe("xml-malformed: Prefix 'xmlns' cannot be bound to 'urn:x'.");
  });

  it('refuses binding the xml prefix to another namespace', () => {
    expect(refused('<r xmlns:xml="urn:x"/>')).toBe("xml-malformed: Prefix 'xml' cannot be bound to 'urn:x'.");
  });

  it('refuses binding another prefix to the XML namespace', () => {
    expect(refused(`<r xmlns:p="${XML_NAMESPACE}"/>`)).toBe(`xml-malformed: Prefix 'p' cannot be bound to '${XML_NAMESPACE}'.`);
  });

  it('refuses undeclaring a prefix', () => {
    expect(refused('<r xmlns:p="urn:p"><a xmlns:p=""/></r>')).toBe('xml-malformed: Prefix \'p\' cannot be undeclared with xmlns:p="".');
  });

  it('refuses two attributes that expand to the same name through different prefixes', () => {
    expect(refused('<r xmlns:a="urn:x" xmlns:b="urn:x"><e a:k="1" b:k="2"/></r>')).toBe("xml-malformed: Attribute 'b:k' repeats the attribute {urn:x}k.");
  });

  it('refuses qualified names with an empty part or a second colon', () => {
    expect(refused('<r xmlns:p="urn:p"><p:a:b/></r>')).toContain("'p:a:b' is not a valid qualified name");
    expect(refused('<r xmlns:p="urn:p" p:="1"/>')).toContain('not a valid qualified name');
  });

  it('accepts the xml prefix bound to its own namespace, re-binding the default namespace and undeclaring it', () => {
    const result = parseXml(`<r xmlns:xml="${XML_NAMESPACE}" xmlns="urn:d"><a xmlns=""><b/></a></r>`);
    expect(result.ok && result.value.children[0]?.ns).toBe('');
    expect(result.ok && result.value.ns).toBe('urn:d');
  });

  it('resolves an element in the default namespace but leaves an unprefixed attribute in none', () => {
    const tag = resolveNamespaces(ROOT_SCOPE, 'e', [['xmlns', 'urn:d'], ['k', 'v']]);
    expect(tag.ok && tag.value.name.ns).toBe('urn:d');
    expect(tag.ok && tag.value.attributes[0]).toMatchObject({ ns: '', local: 'k', value: 'v' });
  });
});
