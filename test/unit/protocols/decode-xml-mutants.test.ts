import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import type { XmlElement } from '../../../src/codec/xml/xml-element.ts';
import { decodeGeneric, decodeXmlFields } from '../../../src/protocols/shared/decode-xml-fields.ts';
import type { FieldSpec } from '../../../src/types/contract.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The document element of an XML text, with `t:` bound to urn:t and `xsi:` to the XSI namespace. */
function el(inner: string, attrs = ''): XmlElement {
  const parsed = parseXml(`<t:R xmlns:t="urn:t" xmlns:xsi="${XSI}" ${attrs}>${inner}</t:R>`);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
}

const decode = (inner: string, fields: readonly FieldSpec[] | undefined, path = '/R') => decodeXmlFields(el(inner), fields, 'urn:t', path);

describe('decoding XML by the contract field tree (matched by namespace URI and local name)', () => {
  it('reads an element marked xsi:nil true or 1 as null, but not one marked false or nil in another namespace', () => {
    const fields: FieldSpec[] = [{ name: 'a', type: 'string' }];
    expect(decodeXmlFields(el('', 'xsi:nil="true"'), fields, 'urn:t')).toEqual({ value: null, violations: [] });
    expect(decodeXmlFields(el('', 'xsi:nil="1"'), fields, 'urn:t').value).toBeNull();
    expect(decodeXmlFields(el('', 'xsi:nil="false"'), fields, 'urn:t').value).toEqual({});
    expect(decodeXmlFields(el('', 'xmlns:o="urn:o" o:nil="true"'), fields, 'urn:t').value).toEqual({});
    expect(decode('<t:a xsi:nil="true"/>', fields).value).toEqual({ a: null });
    expect(decode('<t:a xsi:nil="1">text</t:a>', fields).value).toEqual({ a: null });
  });

  it('keeps leaf text unchanged and gives repeated fields arrays, even of one', () => {
    const fields: FieldSpec[] = [
      { name: 's', type: 'string' },
      { name: 'r', type: 'string', repeated: true },
    ];
    expect(decode('<t:s> a b </t:s><t:r>1</t:r>', fields)).toEqual({ value: { s: ' a b ', r: ['1'] }, violations: [] });
    expect(decode('<t:r>1</t:r><t:r>2</t:r>', fields).value).toEqual({ r: ['1', '2'] });
  });

  it('reports a second occurrence of a field that occurs at most once, keeping the first', () => {
    const out = decode('<t:s>1</t:s><t:s>2</t:s>', [{ name: 's', type: 'string' }]);
    expect(out.value).toEqual({ s: '1' });
    expect(out.violations).toEqual([{ rule: 'repeated', path: '/R/s', severity: 'error', message: 'Received: 2 <s> elements / Documented: s occurs at most once.' }]);
  });

  it('reports an undocumented child with the documented names and namespace, unless the object is open', () => {
    const fields: FieldSpec[] = [
      { name: 'a', type: 'string' },
      { name: 'b', type: 'string' },
    ];
    const out = decode('<t:x/><y/>', fields);
    expect(out.value).toEqual({});
    expect(out.violations).toEqual([
      { rule: 'unexpected-element', path: '/R/x', severity: 'error', message: 'Received: <{urn:t}x> / Documented: one of a, b in namespace urn:t. Remove it or check its spelling.' },
      { rule: 'unexpected-element', path: '/R/y', severity: 'error', message: 'Received: <y> (no namespace) / Documented: one of a, b in namespace urn:t. Remove it or check its spelling.' },
    ]);
    expect(decodeXmlFields(el('<x/>'), [], '', '').violations[0]?.message).toBe('Received: <x> (no namespace) / Documented: no child elements in no namespace. Remove it or check its spelling.');
    expect(decodeXmlFields(el('<t:x/><t:a>1</t:a>'), fields, 'urn:t', '', true)).toEqual({ value: { a: '1' }, violations: [] });
    const open: FieldSpec[] = [{ name: 'o', type: 'object', open: true, fields: [{ name: 'k', type: 'string' }] }];
    expect(decode('<t:o><t:k>v</t:k><t:extra/></t:o>', open)).toEqual({ value: { o: { k: 'v' } }, violations: [] });
  });

  it('reports an element in the wrong namespace, with the field namespace overriding the parent one', () => {
    const fields: FieldSpec[] = [
      { name: 'a', type: 'string' },
      { name: 'q', type: 'string', namespace: '' },
    ];
    const out = decode('<a>1</a><t:q>2</t:q>', fields);
    expect(out.value).toEqual({ a: '1', q: '2' });
    expect(out.violations).toEqual([
      {
        rule: 'namespace',
        path: '/R/a',
        severity: 'error',
        message: 'Received: <a> (no namespace) / Documented: <{urn:t}a>. Declare the element in the documented namespace (the prefix does not matter).',
        params: { expected: 'urn:t', received: '' },
      },
      expect.objectContaining({ rule: 'namespace', path: '/R/q', message: expect.stringContaining('Received: <{urn:t}q> / Documented: <q> (no namespace).'), params: { expected: '', received: 'urn:t' } }),
    ]);
    expect(decode('<q>2</q>', fields).violations).toEqual([]);
  });

  it('decodes object fields in the namespace their field gives, down the tree', () => {
    const fields: FieldSpec[] = [{ name: 'o', type: 'object', namespace: 'urn:o', fields: [{ name: 'k', type: 'string' }] }];
    expect(decode('<o:o xmlns:o="urn:o"><o:k>v</o:k></o:o>', fields)).toEqual({ value: { o: { k: 'v' } }, violations: [] });
    expect(decode('<o:o xmlns:o="urn:o"><t:k>v</t:k></o:o>', fields).violations).toEqual([expect.objectContaining({ rule: 'namespace', path: '/R/o/k', params: { expected: 'urn:o', received: 'urn:t' } })]);
    expect(decode('<o:o xmlns:o="urn:o"><o:k>v</o:k><o:z/></o:o>', fields).violations.map((v) => [v.rule, v.path])).toEqual([['unexpected-element', '/R/o/z']]);
    // An object field without a field list documents no children.
    expect(decode('<t:e><t:z/></t:e>', [{ name: 'e', type: 'object' }]).violations.map((v) => v.path)).toEqual(['/R/e/z']);
  });

  it('refuses element content where the contract documents a scalar, keeping its text', () => {
    const out = decode('<t:n>x<t:inner/></t:n>', [{ name: 'n', type: 'decimal' }]);
    expect(out.value).toEqual({ n: 'x' });
    expect(out.violations).toEqual([{ rule: 'type', path: '/R/n', severity: 'error', message: 'Received: element content with children <inner> / Documented: /R/n is a decimal value.' }]);
  });

  it('requires each documented constant attribute, by its qualified name', () => {
    const fields: FieldSpec[] = [
      { name: 'items', type: 'object', attributes: { type: 'array' }, fields: [] },
      { name: 'n', type: 'string', attributes: { 'xsi:type': 'xs:string' } },
    ];
    expect(decode('<t:items type="array"/><t:n xsi:type="xs:string">v</t:n>', fields).violations).toEqual([]);
    expect(decode('<t:items/>', fields).violations).toEqual([{ rule: 'attribute', path: '/R/items/@type', severity: 'error', message: 'Received: no type attribute / Documented: type="array" on <items>.' }]);
    expect(decode('<t:items type="list"/>', fields).violations[0]?.message).toBe('Received: type="list" / Documented: type="array" on <items>.');
    expect(decode('<t:n type="xs:string">v</t:n>', fields).violations.map((v) => v.path)).toEqual(['/R/n/@xsi:type']);
  });

  it.each(['boolean', 'decimal', 'integer', 'date', 'datetime'] as const)('reads an xs:%s with surrounding whitespace as the collapsed value, with a warning (XSD whiteSpace collapse)', (type) => {
    const out = decode('<t:v>\n 1 \t</t:v>', [{ name: 'v', type }]);
    expect(out.value).toEqual({ v: '1' });
    expect(out.violations).toEqual([
      expect.objectContaining({
        rule: 'whitespace',
        path: '/R/v',
        severity: 'warning',
        message: expect.stringContaining(`Received: "\\n 1 \\t" / Documented: /R/v is an xs:${type} value, "1" without surrounding whitespace. Send the bare value.`),
        params: { accepted: expect.stringContaining(`whiteSpace facet is collapse for xs:${type}`) },
      }),
    ]);
  });

  it('keeps whitespace in strings, in bare values and in values that are only whitespace', () => {
    expect(decode('<t:v> x </t:v>', [{ name: 'v', type: 'string' }])).toEqual({ value: { v: ' x ' }, violations: [] });
    expect(decode('<t:v>1</t:v>', [{ name: 'v', type: 'integer' }])).toEqual({ value: { v: '1' }, violations: [] });
    expect(decode('<t:v>  </t:v>', [{ name: 'v', type: 'integer' }])).toEqual({ value: { v: '  ' }, violations: [] });
  });

  it('decodes generically without a field tree', () => {
    expect(decodeXmlFields(el('<t:a>1</t:a>'), undefined, 'urn:t')).toEqual({ value: { a: '1' }, violations: [] });
  });
});

describe('decoding XML without a field tree', () => {
  it('gives leaves their text, nil elements null, single children values and repeated names arrays in order', () => {
    expect(decodeGeneric(el('<a>1</a><b>x</b><a>2</a><c xsi:nil="true"/><d><e>3</e></d><a>4</a>'))).toEqual({ a: ['1', '2', '4'], b: 'x', c: null, d: { e: '3' } });
    expect(decodeGeneric(el('text'))).toBe('text');
    expect(decodeGeneric(el('', 'xsi:nil="true"'))).toBeNull();
    expect(decodeGeneric(el('<a/><a/>'))).toEqual({ a: ['', ''] });
  });
});
