import type { XmlBuildNode } from '../../codec/xml/build-xml.ts';
import type { FieldSpec } from '../../types/contract.ts';
import type { VendorValue } from '../../mapping/vendor-value.ts';
import { isVendorObject } from '../../mapping/vendor-value.ts';

/** The XML Schema instance namespace, for xsi:nil. */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Turn mapped values into XML build nodes in field order, each element in its field's namespace. */
export function toXmlNodes(fields: readonly FieldSpec[], value: VendorValue | undefined, ns: string): XmlBuildNode[] {
  if (!isVendorObject(value)) return [];
  const nodes: XmlBuildNode[] = [];
  for (const field of fields) {
    const v = value[field.name];
    if (v === undefined) continue;
    const fieldNs = field.namespace ?? ns;
    for (const one of Array.isArray(v) ? v : [v]) nodes.push(toNode(field, one as VendorValue, fieldNs));
  }
  return nodes;
}

function toNode(field: FieldSpec, value: VendorValue, ns: string): XmlBuildNode {
  const attributes = field.attributes ?? {};
  if (value === null) return { ns, local: field.name, attributes: { ...attributes, 'xsi:nil': 'true' } };
  if (field.type === 'object') return { ns, local: field.name, attributes, children: toXmlNodes(field.fields ?? [], value, ns) };
  return { ns, local: field.name, attributes, text: String(value) };
}

/** True when the tree holds a null anywhere (so the xsi prefix must be declared). */
export function usesNil(value: VendorValue | undefined): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.some((v) => usesNil(v as VendorValue));
  if (isVendorObject(value)) return Object.values(value).some(usesNil);
  return false;
}
