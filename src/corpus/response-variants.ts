import type { Contract, ResponseSpec } from '../types/contract.ts';
import type { HttpResponse } from '../model/http.ts';
import { parseXml } from '../codec/xml/parse-xml.ts';
import { parseJson } from '../codec/json/parse-json.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import { dropOptionalJson, dropOptionalXml, protectedPaths } from './drop-optional.ts';
import { writeXml } from './write-xml.ts';
import { BASE_STYLE, type XmlStyle } from './xml-style.ts';

/** One legal serialization of a documented response body. */
export interface ResponseVariant {
  /** `recorded`, or what differs: `prefixes-renamed`, `default-namespace`, `no-declaration`, ... */
  readonly name: string;
  readonly body: string;
}

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

const XML_STYLES: readonly (readonly [string, Partial<XmlStyle>])[] = [
  ['prefixes-renamed', { prefixes: 'renamed' }],
  ['default-namespace', { prefixes: 'default' }],
  ['no-declaration', { declaration: false }],
  ['compact', { indent: '' }],
  ['pretty', { indent: '    ' }],
  ['attributes-reordered', { reverseAttributes: true }],
  ['empty-as-pair', { empty: 'pair' }],
  ['cdata-text', { cdata: true }],
  ['bom', { bom: true }],
];

/**
 * The recorded body and its generated variants, each parsed into a tree and written again (never a
 * string edit of the recording). A body that is empty or not XML/JSON has only the recorded form.
 */
export function responseVariants(contract: Contract, response: HttpResponse, spec: ResponseSpec | undefined): ResponseVariant[] {
  const recorded = { name: 'recorded', body: response.body };
  const trimmed = response.body.replace(/^\uFEFF/, '').trimStart();
  const generated = trimmed.startsWith('<') ? xmlVariants(contract, response.body, spec) : trimmed.startsWith('{') || trimmed.startsWith('[') ? jsonVariants(response.body, spec) : [];
  const seen = new Set([response.body]);
  return [recorded, ...generated.filter((v) => !seen.has(v.body) && seen.add(v.body))];
}

function xmlVariants(contract: Contract, body: string, spec: ResponseSpec | undefined): ResponseVariant[] {
  const parsed = parseXml(body.replace(/^\uFEFF/, ''), { forbidProcessingInstructions: contract.protocol === 'soap11' });
  if (!parsed.ok) return [];
  const root = parsed.value;
  const out = XML_STYLES.map(([name, style]) => ({ name, body: writeXml(root, { ...BASE_STYLE, ...style }) }));
  if (spec?.fields !== undefined) {
    const dropped = replacePayload(root, (payload) => dropOptionalXml(payload, spec.fields ?? [], protectedPaths(spec)));
    out.push({ name: 'optional-absent', body: writeXml(dropped, BASE_STYLE) });
  }
  return out;
}

/** SOAP: the Body's first child element; plain XML: the root. */
function replacePayload(root: XmlElement, fn: (payload: XmlElement) => XmlElement): XmlElement {
  if (root.ns !== SOAP_ENV) return fn(root);
  return {
    ...root,
    children: root.children.map((child) => {
      if (child.ns !== SOAP_ENV || child.local !== 'Body') return child;
      const [first, ...rest] = child.children;
      return first === undefined ? child : { ...child, children: [fn(first), ...rest] };
    }),
  };
}

function jsonVariants(body: string, spec: ResponseSpec | undefined): ResponseVariant[] {
  const parsed = parseJson(body.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return [];
  const value = parsed.value;
  const out: ResponseVariant[] = [
    { name: 'members-reordered', body: JSON.stringify(reverseMembers(value), null, 2) },
    { name: 'compact', body: JSON.stringify(value) },
    { name: 'pretty', body: JSON.stringify(value, null, 4) },
  ];
  if (spec?.fields !== undefined) out.push({ name: 'optional-absent', body: JSON.stringify(dropOptionalJson(value, spec.fields, protectedPaths(spec)), null, 2) });
  return out;
}

function reverseMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseMembers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseMembers(v)]));
}
