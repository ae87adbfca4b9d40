import type { XmlElement } from '../codec/xml/xml-element.ts';
import { escapeXmlAttribute, escapeXmlText } from '../codec/xml/escape-xml.ts';
import type { XmlStyle } from './xml-style.ts';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** Bound to the prefix `xml` by definition; it must never be declared or renamed. */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Names {
  /** ns URI -> prefix for prefixed names. */
  readonly prefixOf: ReadonlyMap<string, string>;
  /** The namespace written as default xmlns, or '' for none. */
  readonly defaultNs: string;
  /** Declarations on the root, in writing order. */
  readonly declarations: readonly (readonly [string, string])[];
}

/**
 * Write a namespace-resolved element tree in the given style. Names keep their namespace URIs, so a
 * namespace-aware reader sees the same document whatever the prefixes. The prefixes as parsed stay
 * declared too, so QName text such as `s:Client` still resolves.
 */
export function writeXml(root: XmlElement, style: XmlStyle): string {
  const names = namesFor(root, style);
  const lines: string[] = [];
  if (style.declaration) lines.push(DECLARATION);
  writeElement(root, 0, '', true, names, style, lines);
  const text = lines.join(style.indent === '' ? '' : '\n');
  return style.bom ? `\uFEFF${text}` : text;
}

function writeElement(el: XmlElement, depth: number, inScopeDefault: string, isRoot: boolean, names: Names, style: XmlStyle, lines: string[]): void {
  const pad = style.indent.repeat(depth);
  const unprefixed = el.ns === '' || (names.defaultNs !== '' && el.ns === names.defaultNs);
  const name = unprefixed ? el.local : `${names.prefixOf.get(el.ns) ?? ''}:${el.local}`;
  const decls: (readonly [string, string])[] = isRoot ? [...names.declarations] : [];
  let scopeDefault = inScopeDefault;
  if (unprefixed && el.ns !== scopeDefault) {
    decls.push(['xmlns', el.ns]);
    scopeDefault = el.ns;
  }
  const attrs = el.attributes.map((a) => [a.ns === '' ? a.local : `${names.prefixOf.get(a.ns) ?? ''}:${a.local}`, a.value] as const);
  const all = [...decls, ...attrs];
  const ordered = style.reverseAttributes ? all.reverse() : all;
  const open = `<${name}${ordered.map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join('')}`;
  const text = el.children.length > 0 ? el.text.trim() : el.text;
  const written = text === '' ? '' : style.cdata && !text.includes(']]>') ? `<![CDATA[${text}]]>` : escapeXmlText(text);
  if (el.children.length === 0) {
    lines.push(written === '' && style.empty === 'self' ? `${pad}${open}/>` : `${pad}${open}>${written}</${name}>`);
    return;
  }
  lines.push(`${pad}${open}>${written}`);
  for (const child of el.children) writeElement(child, depth + 1, scopeDefault, false, names, style, lines);
  lines.push(`${pad}</${name}>`);
}

function namesFor(root: XmlElement, style: XmlStyle): Names {
  const seen = collect(root);
  const defaultNs = style.prefixes === 'default' ? mostUsed(seen.elementCounts) : '';
  const prefixOf = new Map<string, string>([[XML_NS, 'xml']]);
  const declarations: [string, string][] = [];
  let n = 0;
  for (const ns of seen.namespaces) {
    if (style.prefixes === 'keep') {
      const original = seen.originalPrefix.get(ns);
      if (original !== undefined && original !== '') {
        prefixOf.set(ns, original);
        continue;
      }
    }
    prefixOf.set(ns, `ns${n++}`);
  }
  const used = new Set<string>();
  for (const [ns, prefix] of prefixOf) {
    if (ns === XML_NS) continue;
    declarations.push([`xmlns:${prefix}`, ns]);
    used.add(prefix);
  }
  // The parsed prefixes stay bound: text content such as faultcode "s:Client" refers to them.
  for (const [ns, prefix] of seen.originalPrefix) if (prefix !== '' && !used.has(prefix) && prefixOf.get(ns) !== prefix) declarations.push([`xmlns:${prefix}`, ns]);
  return { prefixOf, defaultNs, declarations: declarations.sort((a, b) => a[0].localeCompare(b[0])) };
}

interface Seen {
  readonly namespaces: string[];
  readonly originalPrefix: Map<string, string>;
  readonly elementCounts: Map<string, number>;
}

function collect(root: XmlElement): Seen {
  const seen: Seen = { namespaces: [], originalPrefix: new Map(), elementCounts: new Map() };
  const note = (ns: string, prefix: string): void => {
    if (ns === '' || ns === XML_NS) return;
    if (!seen.namespaces.includes(ns)) seen.namespaces.push(ns);
    if (prefix !== '' && !seen.originalPrefix.has(ns)) seen.originalPrefix.set(ns, prefix);
  };
  const walk = (el: XmlElement): void => {
    note(el.ns, el.prefix);
    if (el.ns !== '') seen.elementCounts.set(el.ns, (seen.elementCounts.get(el.ns) ?? 0) + 1);
    for (const a of el.attributes) note(a.ns, a.prefix);
    el.children.forEach(walk);
  };
  walk(root);
  return seen;
}

function mostUsed(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let max = 0;
  for (const [ns, count] of counts) if (count > max) [best, max] = [ns, count];
  return best;
}
