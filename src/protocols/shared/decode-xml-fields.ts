import type { XmlElement } from '../../codec/xml/xml-element.ts';
import type { FieldSpec } from '../../types/contract.ts';
import { violation, type Violation } from '../../model/violation.ts';
import { accepted } from '../../model/strictness.ts';
import type { VendorObject, VendorValue } from '../../mapping/vendor-value.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Decoded element content plus every structural departure from the field tree. */
export interface DecodedXml {
  readonly value: VendorValue;
  readonly violations: readonly Violation[];
}

/**
 * Decode an element's children by the contract's field tree, matching on namespace URI and local
 * name (never on prefix). Repeated fields always give arrays; leaves give their text, unchanged.
 * `fields === undefined` decodes generically (by local name).
 */
export function decodeXmlFields(el: XmlElement, fields: readonly FieldSpec[] | undefined, ns: string, path = '', open = false): DecodedXml {
  if (isNil(el)) return { value: null, violations: [] };
  if (fields === undefined) return { value: decodeGeneric(el), violations: [] };
  const out: Record<string, VendorValue[]> = {};
  const violations: Violation[] = [];
  for (const child of el.children) {
    const field = fields.find((f) => f.name === child.local);
    const at = `${path}/${child.local}`;
    if (field === undefined) {
      if (!open) violations.push(unexpected(child, fields, ns, at));
      continue;
    }
    const expectedNs = field.namespace ?? ns;
    if (child.ns !== expectedNs) violations.push(wrongNamespace(child, expectedNs, at));
    violations.push(...checkAttributes(child, field, at));
    const decoded = decodeLeafOrObject(child, field, expectedNs, at);
    violations.push(...decoded.violations);
    (out[field.name] ??= []).push(decoded.value);
  }
  return { value: collapse(out, fields, path, violations), violations };
}

function decodeLeafOrObject(child: XmlElement, field: FieldSpec, ns: string, at: string): DecodedXml {
  if (field.type === 'object') return decodeXmlFields(child, field.fields ?? [], ns, at, field.open === true);
  if (isNil(child)) return { value: null, violations: [] };
  if (child.children.length > 0) {
    return { value: child.text, violations: [violation('type', at, `Received: element content with children <${child.children[0]?.local ?? ''}> / Documented: ${at} is a ${field.type} value.`)] };
  }
  return collapseWhitespace(child.text, field, at);
}

/** XSD types whose whiteSpace facet is `collapse`: leading and trailing whitespace is not part of the value. */
const COLLAPSED = new Set(['boolean', 'decimal', 'integer', 'date', 'datetime']);

/**
 * A boolean, number or date with whitespace around it is read as the trimmed value, as every XSD
 * reader does (WCF's XmlConvert, ASMX), with a warning that the request departs from the doc.
 */
function collapseWhitespace(text: string, field: FieldSpec, at: string): DecodedXml {
  const trimmed = text.trim();
  if (!COLLAPSED.has(field.type) || trimmed === text || trimmed === '') return { value: text, violations: [] };
  const message = `Received: ${JSON.stringify(text)} / Documented: ${at} is an xs:${field.type} value, ${JSON.stringify(trimmed)} without surrounding whitespace. Send the bare value.`;
  return { value: trimmed, violations: [accepted('whitespace', at, message, `XML Schema's whiteSpace facet is collapse for xs:${field.type}: a schema-aware reader (WCF XmlConvert, ASMX, zeep) trims it before reading the value.`)] };
}

function collapse(out: Record<string, VendorValue[]>, fields: readonly FieldSpec[], path: string, violations: Violation[]): VendorObject {
  const result: Record<string, VendorValue> = {};
  for (const field of fields) {
    const values = out[field.name];
    if (values === undefined) continue;
    if (field.repeated === true) result[field.name] = values;
    else {
      if (values.length > 1) {
        violations.push(violation('repeated', `${path}/${field.name}`, `Received: ${values.length} <${field.name}> elements / Documented: ${field.name} occurs at most once.`));
      }
      result[field.name] = values[0] ?? null;
    }
  }
  return result;
}

/** Constant attributes the contract documents (e.g. InvoiceXpress `items type="array"`) must be present. */
function checkAttributes(el: XmlElement, field: FieldSpec, at: string): Violation[] {
  return Object.entries(field.attributes ?? {}).flatMap(([name, value]) => {
    const found = el.attributes.find((a) => (a.prefix === '' ? a.local : `${a.prefix}:${a.local}`) === name)?.value;
    if (found === value) return [];
    const received = found === undefined ? `no ${name} attribute` : `${name}="${found}"`;
    return [violation('attribute', `${at}/@${name}`, `Received: ${received} / Documented: ${name}="${value}" on <${field.name}>.`)];
  });
}

function isNil(el: XmlElement): boolean {
  return el.attributes.some((a) => a.ns === XSI && a.local === 'nil' && (a.value === 'true' || a.value === '1'));
}

function braces(ns: string, local: string): string {
  return ns === '' ? `<${local}> (no namespace)` : `<{${ns}}${local}>`;
}

function unexpected(child: XmlElement, fields: readonly FieldSpec[], ns: string, at: string): Violation {
  const documented = fields.length === 0 ? 'no child elements' : `one of ${fields.map((f) => f.name).join(', ')}`;
  return violation('unexpected-element', at, `Received: ${braces(child.ns, child.local)} / Documented: ${documented} in ${ns === '' ? 'no namespace' : `namespace ${ns}`}. Remove it or check its spelling.`);
}

function wrongNamespace(child: XmlElement, expected: string, at: string): Violation {
  return violation('namespace', at, `Received: ${braces(child.ns, child.local)} / Documented: ${braces(expected, child.local)}. Declare the element in the documented namespace (the prefix does not matter).`, { expected, received: child.ns });
}

/** Decode without a field tree: children by local name, repeated names as arrays, leaves as text. */
export function decodeGeneric(el: XmlElement): VendorValue {
  if (isNil(el)) return null;
  if (el.children.length === 0) return el.text;
  const out: Record<string, VendorValue> = {};
  const repeated = new Map<string, VendorValue[]>();
  const counts = new Map<string, number>();
  for (const child of el.children) counts.set(child.local, (counts.get(child.local) ?? 0) + 1);
  for (const child of el.children) {
    const value = decodeGeneric(child);
    if ((counts.get(child.local) ?? 0) <= 1) {
      out[child.local] = value;
      continue;
    }
    // One array per name, appended in place: spreading it per child would be quadratic in siblings.
    let list = repeated.get(child.local);
    if (list === undefined) {
      list = [];
      repeated.set(child.local, list);
      out[child.local] = list;
    }
    list.push(value);
  }
  return out;
}
