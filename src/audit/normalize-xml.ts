import type { XmlElement } from '../codec/xml/xml-element.ts';
import { resolveQName } from './collect-prefixes.ts';
import { TEXT_KEY, treeKey } from './tree-key.ts';
import { treeObject, type TreeObject, type TreeValue } from './tree-value.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * An XML document as a tree keyed by namespace URI and local name, never by prefix:
 * `{ "{uri}root": … }`. Whitespace-only text is dropped and mixed text trimmed, so indentation
 * never matters; the text of a leaf element is kept exactly (a trailing space can change what a
 * vendor means, e.g. EBizCharge's "Not Found "); an `xsi:nil` element is `null`; a leaf element is its text; an element with attributes
 * or children is an object (`@{uri}attr`, `{uri}child`, `#text`), repeated children as arrays.
 * QName-valued text and attributes are resolved to Clark names with the document's prefixes.
 */
export function normalizeXml(root: XmlElement, prefixes: ReadonlyMap<string, string>): TreeObject {
  const tree = treeObject();
  tree[treeKey('member', root.ns, root.local)] = elementValue(root, prefixes);
  return tree;
}

function elementValue(el: XmlElement, prefixes: ReadonlyMap<string, string>): TreeValue {
  if (el.attributes.some((a) => a.ns === XSI && a.local === 'nil' && (a.value === 'true' || a.value === '1'))) return null;
  const attributes = el.attributes.filter((a) => !(a.ns === XSI && a.local === 'nil'));
  const text = el.text.trim();
  if (attributes.length === 0 && el.children.length === 0) return leafText(el.text, text, prefixes);
  const out = treeObject();
  for (const a of attributes) out[treeKey('attribute', a.ns, a.local)] = resolveQName(a.value.trim(), prefixes);
  for (const child of el.children) {
    const key = treeKey('member', child.ns, child.local);
    const value = elementValue(child, prefixes);
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    // An element value is never an array itself, so an array here is the list of repeats.
    else if (Array.isArray(seen)) (seen as TreeValue[]).push(value);
    else out[key] = [seen, value];
  }
  if (text !== '') out[TEXT_KEY] = text;
  return out;
}

/** A QName's whitespace collapses (XML Schema), so a resolved QName is read trimmed; other text exactly. */
function leafText(raw: string, trimmed: string, prefixes: ReadonlyMap<string, string>): string {
  if (trimmed === '') return '';
  const resolved = resolveQName(trimmed, prefixes);
  return resolved === trimmed ? raw : resolved;
}
