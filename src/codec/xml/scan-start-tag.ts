import { scanReferences } from './scan-references.ts';
import { xmlNameEnd } from './xml-name.ts';
import { malformedAt, overLimit, skipSpace, truncatedInside } from './xml-scan-state.ts';
import type { ScanState, Step } from './xml-scan-state.ts';
import { problemAt } from './xml-problem.ts';
import type { XmlProblem } from './xml-problem.ts';

/** Where a start tag ends, and whether it was an empty-element tag (`<a/>`). */
type TagEnd = { readonly next: number; readonly empty: boolean } | XmlProblem;

/**
 * Check one start or empty-element tag at `at` (XML 1.0 §3.1: `'<' Name (S Attribute)* S? '/'? '>'`),
 * count it and its attributes against the limits, and open it.
 */
export function scanStartTag(state: ScanState, at: number): Step {
  const { source, policy, open } = state;
  const nameEnd = xmlNameEnd(source, at + 1);
  if (nameEnd === at + 1) {
    if (at + 1 >= source.length) return truncatedInside(state, 'a tag');
    return malformedAt(state, `'<' must be followed by an element name, '/', '!' or '?'.`, at);
  }
  if (open.length === 0 && state.rootSeen) return malformedAt(state, 'The document has more than one root element.', at);
  const name = source.slice(at + 1, nameEnd);
  const end = scanAttributes(state, name, nameEnd, at);
  if ('rule' in end) return end;
  state.elements += 1;
  state.rootSeen = true;
  if (state.elements > policy.maxElements) return overLimit(state, 'elements', policy.maxElements, at);
  if (state.references > policy.maxReferences) return overLimit(state, 'entity and character references', policy.maxReferences, at);
  // An empty-element tag is an element at this depth too, though it opens nothing.
  if (open.length + 1 > policy.maxDepth) {
    return problemAt('xml-too-deep', `Elements are nested deeper than the limit of ${policy.maxDepth}.`, source, at);
  }
  if (end.empty) return { next: end.next };
  open.push({ name, at });
  return { next: end.next };
}

/** Read `(S Attribute)* S? '/'? '>'` after the element name, counting attributes and references. */
function scanAttributes(state: ScanState, tag: string, from: number, at: number): TagEnd {
  const { source, policy } = state;
  // Found once: a `<` inside a quoted value is an error, so we never need to look past it.
  const lt = source.indexOf('<', from);
  const names: string[] = [];
  for (let i = from; ; ) {
    const next = skipSpace(source, i);
    const ch = source[next];
    if (ch === '>') return { next: next + 1, empty: false };
    if (ch === '/' && source[next + 1] === '>') return { next: next + 2, empty: true };
    if (ch === undefined || (ch === '/' && next + 1 >= source.length)) return truncatedInside(state, `the start tag of '${tag}'`);
    const nameEnd = xmlNameEnd(source, next);
    if (nameEnd === next) return malformedAt(state, `Unexpected '${ch}' in the start tag of '${tag}'.`, next);
    if (next === i) return malformedAt(state, `Attributes in the start tag of '${tag}' must be separated by white space.`, next);
    const name = source.slice(next, nameEnd);
    if (names.includes(name)) return malformedAt(state, `Attribute '${name}' is repeated in the start tag of '${tag}'.`, next);
    const value = scanValue(state, tag, name, nameEnd, lt);
    if ('rule' in value) return value;
    names.push(name);
    state.attributes += 1;
    if (state.attributes > policy.maxAttributes) return overLimit(state, 'attributes', policy.maxAttributes, next);
    if (names.length > policy.maxAttributesPerElement) {
      return problemAt('xml-too-many', `An element has more attributes than the limit of ${policy.maxAttributesPerElement}.`, source, at);
    }
    i = value.next;
  }
}

/** Read `S? '=' S? ('"' [^<"]* '"' | "'" [^<']* "'")` after the attribute name `name`. */
function scanValue(state: ScanState, tag: string, name: string, from: number, lt: number): Step {
  const { source } = state;
  const eq = skipSpace(source, from);
  if (eq >= source.length) return truncatedInside(state, `the start tag of '${tag}'`);
  if (source[eq] !== '=') return malformedAt(state, `Attribute '${name}' of '${tag}' has no value (write ${name}="…").`, from);
  const open = skipSpace(source, eq + 1);
  const quote = source[open];
  if (quote === undefined) return truncatedInside(state, `the start tag of '${tag}'`);
  if (quote !== '"' && quote !== "'") return malformedAt(state, `The value of attribute '${name}' of '${tag}' must be in quotes.`, open);
  const close = source.indexOf(quote, open + 1);
  if (close === -1) return truncatedInside(state, `the value of attribute '${name}' of '${tag}'`);
  if (lt !== -1 && lt < close) return malformedAt(state, "'<' is not allowed in an attribute value.", lt);
  const refs = scanReferences(source, open + 1, close);
  if (typeof refs !== 'number') return malformedAt(state, `'&' in the value of attribute '${name}' does not start a reference such as &amp; or &#38;.`, refs.index);
  state.references += refs;
  return { next: close + 1 };
}
