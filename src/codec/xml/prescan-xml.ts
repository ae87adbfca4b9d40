import { forbiddenXmlChar } from './forbidden-xml-char.ts';
import { problemAt } from './xml-problem.ts';
import type { XmlProblem } from './xml-problem.ts';

/** Counts `prescanXml` bounds, so that fast-xml-parser never builds objects for a hostile document. */
export interface XmlCountLimits {
  /** Deepest element nesting allowed; the root is depth 1. */
  readonly maxDepth: number;
  /** Most elements (start or empty-element tags) in one document. */
  readonly maxElements: number;
  /** Most attributes (namespace declarations included) in one document. */
  readonly maxAttributes: number;
  /** Most attributes on one element (fast-xml-parser's cost per element grows faster than linearly). */
  readonly maxAttributesPerElement: number;
  /** Most entity and character references (`&amp;`, `&#65;`) in text and attribute values. */
  readonly maxReferences: number;
  /** Most characters of text content (CDATA included) in one document. */
  readonly maxTextChars: number;
}

/** What `prescanXml` enforces. */
export interface PrescanPolicy extends XmlCountLimits {
  /** Reject processing instructions other than the leading XML declaration. */
  readonly forbidProcessingInstructions: boolean;
}

/** Running totals of one scan. */
interface Counts {
  depth: number;
  elements: number;
  attributes: number;
  references: number;
  text: number;
}

/** Where scanning goes on, or why it stopped. */
type Step = { readonly next: number } | XmlProblem | undefined;

/**
 * One cheap pass over the markup, before any real parsing, that rejects characters XML 1.0
 * forbids, DOCTYPE and other DTD constructs, forbidden processing instructions, and documents
 * over the depth, element, attribute, reference or text limits.
 * It does not check well-formedness: on broken markup it stops and leaves that to the validator.
 */
export function prescanXml(source: string, policy: PrescanPolicy): XmlProblem | undefined {
  const bad = forbiddenXmlChar(source);
  if (bad !== undefined) return problemAt('xml-forbidden-char', `Character ${bad.codePoint} is not allowed in XML 1.0.`, source, bad.index);
  const counts: Counts = { depth: 0, elements: 0, attributes: 0, references: 0, text: 0 };
  let from = 0;
  for (let at = source.indexOf('<'); at !== -1; at = source.indexOf('<', from)) {
    const text = countText(source, from, at, counts, policy);
    if (text !== undefined) return text;
    const step = scanMarkup(source, at, counts, policy);
    if (step === undefined || 'rule' in step) return step;
    from = step.next;
  }
  return countText(source, from, source.length, counts, policy);
}

function scanMarkup(source: string, at: number, counts: Counts, policy: PrescanPolicy): Step {
  switch (source[at + 1]) {
    case '!':
      return scanDeclaration(source, at, counts, policy);
    case '?':
      return scanProcessingInstruction(source, at, policy);
    case '/':
      counts.depth -= 1;
      return skipTo(source, '>', at);
    default:
      return scanStartTag(source, at, counts, policy);
  }
}

function scanDeclaration(source: string, at: number, counts: Counts, policy: PrescanPolicy): Step {
  if (source.startsWith('<!--', at)) return skipTo(source, '-->', at + 4);
  if (source.startsWith('<![CDATA[', at)) {
    const end = source.indexOf(']]>', at + 9);
    if (end === -1) return undefined;
    counts.text += end - at - 9;
    return counts.text > policy.maxTextChars ? overLimit('text characters', policy.maxTextChars, source, at) : { next: end + 3 };
  }
  if (source.startsWith('<!DOCTYPE', at)) {
    return problemAt('xml-doctype', 'DOCTYPE is not allowed (it enables entity expansion and external entities).', source, at);
  }
  return problemAt('xml-malformed', `Markup declaration '${source.slice(at, at + 10)}' is not allowed.`, source, at);
}

function scanProcessingInstruction(source: string, at: number, policy: PrescanPolicy): Step {
  const target = /^[^\s?]*/.exec(source.slice(at + 2, at + 64))?.[0] ?? '';
  if (target.toLowerCase() === 'xml') {
    if (at === 0) return skipTo(source, '?>', at + 2);
    return problemAt('xml-malformed', 'The XML declaration is only allowed at the very start of the document.', source, at);
  }
  if (policy.forbidProcessingInstructions) {
    return problemAt('xml-processing-instruction', `Processing instruction '<?${target}' is not allowed.`, source, at);
  }
  return skipTo(source, '?>', at + 2);
}

function scanStartTag(source: string, at: number, counts: Counts, policy: PrescanPolicy): Step {
  const end = startTagEnd(source, at + 1, counts, policy);
  if (end === undefined) return undefined;
  if (typeof end !== 'number') return end;
  counts.elements += 1;
  if (counts.elements > policy.maxElements) return overLimit('elements', policy.maxElements, source, at);
  if (counts.references > policy.maxReferences) return overLimit('entity and character references', policy.maxReferences, source, at);
  if (source[end - 1] === '/') return { next: end + 1 };
  if (counts.depth + 1 > policy.maxDepth) {
    return problemAt('xml-too-deep', `Elements are nested deeper than the limit of ${policy.maxDepth}.`, source, at);
  }
  counts.depth += 1;
  return { next: end + 1 };
}

/** Index of the `>` that ends a start tag, skipping (and counting) quoted attribute values. */
function startTagEnd(source: string, from: number, counts: Counts, policy: PrescanPolicy): number | XmlProblem | undefined {
  // Found once: a `<` inside a quoted value is an error, so we never need to look past it.
  const lt = source.indexOf('<', from);
  const before = counts.attributes;
  for (let i = from; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '>') return i;
    if (ch !== '"' && ch !== "'") continue;
    const close = source.indexOf(ch, i + 1);
    if (close === -1) return undefined;
    if (lt > i && lt < close) return problemAt('xml-malformed', "'<' is not allowed in an attribute value.", source, lt);
    counts.attributes += 1;
    counts.references += countAmpersands(source, i + 1, close);
    if (counts.attributes > policy.maxAttributes) return overLimit('attributes', policy.maxAttributes, source, i);
    if (counts.attributes - before > policy.maxAttributesPerElement) {
      return problemAt('xml-too-many', `An element has more attributes than the limit of ${policy.maxAttributesPerElement}.`, source, from - 1);
    }
    i = close;
  }
  return undefined;
}

/** Count the character data between two pieces of markup. */
function countText(source: string, from: number, to: number, counts: Counts, policy: PrescanPolicy): XmlProblem | undefined {
  if (to <= from) return undefined;
  counts.text += to - from;
  counts.references += countAmpersands(source, from, to);
  if (counts.text > policy.maxTextChars) return overLimit('text characters', policy.maxTextChars, source, from);
  if (counts.references > policy.maxReferences) return overLimit('entity and character references', policy.maxReferences, source, from);
  return undefined;
}

/** Occurrences of `&` in `source[from, to)`; bounded by the range, so the scan stays linear. */
function countAmpersands(source: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) if (source.charCodeAt(i) === 38) n += 1;
  return n;
}

function overLimit(what: string, limit: number, source: string, at: number): XmlProblem {
  return problemAt('xml-too-many', `The document has more ${what} than the limit of ${limit}.`, source, at);
}

function skipTo(source: string, terminator: string, from: number): Step {
  const found = source.indexOf(terminator, from);
  return found === -1 ? undefined : { next: found + terminator.length };
}
