import { XmlBuilder, XmlElement as PactXmlElement, type XmlAttributes } from '@pact-foundation/pact';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { FieldSpec, WhenSpec } from '../types/contract.ts';
import { leafMatcher, type PactMatcher } from './pact-matcher.ts';

/** The fields expected under an element, and where the documented payload starts. */
export interface XmlShape {
  /** A virtual field for the document element: its `fields` describe the children, recursively. */
  readonly root: FieldSpec;
  /** Depth of the payload element (SOAP Body child or document element), for `match.when` paths. */
  readonly payloadDepth: number;
  readonly when: readonly WhenSpec[];
  /** Field names (at any depth) that carry a credential placeholder. */
  readonly isCredential: (field: FieldSpec | undefined) => boolean;
  /**
   * Responses: leave out the undocumented children of `open` objects, and write a repeated `open` element as
   * its first item(s) rather than `eachLike` (see {@link fill}). @default false
   */
  readonly dropUndocumented?: boolean;
}

/** An XmlBuilder document and, for each rule path the FFI will write, its namespace-qualified form. */
export interface XmlBody {
  /** The XmlBuilder JSON (what `.xmlBody()` hands to the FFI). */
  readonly builder: string;
  /** `$.soap:Envelope.soap:Body.X` (the FFI's prefixed form) → `$['<soap-uri>:Envelope']['<soap-uri>:Body']['<ns>:X']`. */
  readonly qualified: ReadonlyMap<string, string>;
}

type Scope = ReadonlyMap<string, string>;

interface Walk {
  readonly shape: XmlShape;
  readonly qualified: Map<string, string>;
}

interface Place {
  readonly scope: Scope;
  readonly prefixed: string;
  readonly qualified: string;
  readonly depth: number;
  /** Dotted local names below the payload element ('' at the payload). */
  readonly dataPath: string | undefined;
  /** Inside an `eachLike` template: the type matcher applies here, so every child must be in the template. */
  readonly typed: boolean;
}

/**
 * Turn a parsed XML message into an XmlBuilder document with matchers from the contract's fields,
 * keeping the message's prefixes and declaring each namespace where it is first used.
 */
export function xmlBody(root: XmlElement, shape: XmlShape): XmlBody {
  const walk: Walk = { shape, qualified: new Map() };
  const start: Place = { scope: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), prefixed: '$', qualified: '$', depth: -1, dataPath: undefined, typed: false };
  const builder = new XmlBuilder('1.0', 'UTF-8', qname(root)).build((doc) => fill(doc, root, shape.root, place(start, root, shape.payloadDepth), walk));
  return { builder, qualified: walk.qualified };
}

/**
 * Fill one element. Pact's XML matching (pact-reference `compare_children`) fails a child the expected element
 * lacks wherever a type matcher applies (inside `eachLike`), and any expected child the actual lacks; outside
 * a type matcher it tolerates unexpected children. So in a response an `open` object's undocumented children
 * are left out where nothing types them, and a repeated `open` element is written as its first item(s): the
 * recorded items differ in their undocumented children (InvoiceXpress's list: clients with and without an
 * address), which one `eachLike` template cannot describe.
 */
function fill(target: PactXmlElement, el: XmlElement, field: FieldSpec | undefined, here: Place & { readonly declarations: Record<string, string> }, walk: Walk): void {
  target.setAttributes(attributesOf(el, here.declarations));
  walk.qualified.set(here.prefixed, here.qualified);
  if (el.children.length === 0) {
    const text = leafText(el, field, here, walk.shape);
    if (text !== undefined) target.appendText(text as unknown as string);
    return;
  }
  for (const group of groups(el.children)) {
    const first = group[0];
    if (first === undefined) continue;
    const spec = field?.fields?.find((f) => f.name === first.local);
    const open = walk.shape.dropUndocumented === true && !here.typed;
    if (open && spec === undefined && field?.open === true) continue;
    const at = place(here, first, walk.shape.payloadDepth);
    const literal = open && spec?.repeated === true && spec.open === true ? group.slice(0, Math.max(1, minItemsOf(spec) ?? 1)) : group;
    if (spec?.repeated === true && literal === group) appendEachLike(target, first, spec, group.length, { ...at, typed: true }, walk);
    else for (const child of literal) target.appendElement(qname(child), {} as XmlAttributes, (n) => fill(n, child, spec, place(here, child, walk.shape.payloadDepth), walk));
  }
}

/**
 * `XmlElement.eachLike` drops the `min` option; the FFI reads `min` from this JSON form of the
 * matcher (verified: the pact file's rule carries it and the verifier enforces it).
 */
function appendEachLike(target: PactXmlElement, first: XmlElement, spec: FieldSpec, count: number, at: Place & { readonly declarations: Record<string, string> }, walk: Walk): void {
  const template = new PactXmlElement(qname(first));
  fill(template, first, spec, at, walk);
  const min = minItemsOf(spec);
  const matcher = { 'pact:matcher:type': 'type', value: template, examples: Math.max(count, min ?? 1), ...(min === undefined ? {} : { min }) };
  (target.children as unknown[]).push(matcher);
}

function minItemsOf(spec: FieldSpec): number | undefined {
  return spec.minItems ?? (spec.required === true ? 1 : undefined);
}

function leafText(el: XmlElement, field: FieldSpec | undefined, here: Place, shape: XmlShape): PactMatcher | undefined {
  // Whitespace between child elements is layout; an object element with documented children has no text of its own.
  if (el.text.trim() === '' || (field?.type === 'object' && (field.fields?.length ?? 0) > 0)) return undefined;
  const when = here.dataPath === undefined ? [] : shape.when.filter((w) => w.path === here.dataPath);
  const matcher = leafMatcher(field, el.text, { flavor: 'xml', when, credential: shape.isCredential(field) });
  return typeof matcher === 'object' && matcher !== null ? matcher : undefined;
}

/** The place of a child: its scope (with the declarations it needs) and its paths. */
function place(parent: Place, el: XmlElement, payloadDepth: number): Place & { readonly declarations: Record<string, string> } {
  const declarations: Record<string, string> = {};
  const scope = new Map(parent.scope);
  const need = (prefix: string, ns: string): void => {
    if (scope.get(prefix) === ns || (prefix === '' && ns === '' && !scope.has(''))) return;
    declarations[prefix === '' ? 'xmlns' : `xmlns:${prefix}`] = ns;
    scope.set(prefix, ns);
  };
  need(el.prefix, el.ns);
  for (const a of el.attributes) if (a.prefix !== '') need(a.prefix, a.ns);
  const depth = parent.depth + 1;
  const below = parent.dataPath === undefined || parent.dataPath === '' ? el.local : `${parent.dataPath}.${el.local}`;
  const dataPath = depth < payloadDepth ? undefined : depth === payloadDepth ? '' : below;
  return {
    scope,
    declarations,
    depth,
    prefixed: `${parent.prefixed}.${qname(el)}`,
    qualified: `${parent.qualified}['${el.ns === '' ? '' : `${el.ns}:`}${el.local}']`,
    dataPath,
    typed: parent.typed,
  };
}

function attributesOf(el: XmlElement, declarations: Record<string, string>): XmlAttributes {
  const attrs: Record<string, string> = { ...declarations };
  for (const a of el.attributes) attrs[a.prefix === '' ? a.local : `${a.prefix}:${a.local}`] = a.value;
  // XmlBuilder is typed with Map attributes but serializes with JSON.stringify, which drops a Map's
  // entries: the FFI only sees attributes given as a plain object.
  return attrs as unknown as XmlAttributes;
}

/** Consecutive siblings with the same expanded name. */
function groups(children: readonly XmlElement[]): XmlElement[][] {
  const out: XmlElement[][] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    const head = last?.[0];
    if (last !== undefined && head !== undefined && head.ns === child.ns && head.local === child.local) last.push(child);
    else out.push([child]);
  }
  return out;
}

function qname(el: XmlElement): string {
  return el.prefix === '' ? el.local : `${el.prefix}:${el.local}`;
}
