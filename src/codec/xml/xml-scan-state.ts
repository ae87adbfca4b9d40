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

/** What `prescanXml` enforces besides well-formedness. */
export interface PrescanPolicy extends XmlCountLimits {
  /** Reject processing instructions other than the leading XML declaration. */
  readonly forbidProcessingInstructions: boolean;
}

/** An element whose start tag has been read and whose end tag has not. */
export interface OpenElement {
  readonly name: string;
  /** Offset of its `<`. */
  readonly at: number;
}

/** Everything one scan tracks: the open elements and the running totals the limits bound. */
export interface ScanState {
  readonly source: string;
  readonly policy: PrescanPolicy;
  readonly open: OpenElement[];
  rootSeen: boolean;
  /** Offset of the next `]]>` found so far (`Infinity` when there is none), searched forward lazily. */
  nextCdataClose: number;
  elements: number;
  attributes: number;
  references: number;
  text: number;
}

/** Where scanning goes on, or why it stopped. */
export type Step = { readonly next: number } | XmlProblem;

/** An `xml-malformed` problem at offset `at`. */
export function malformedAt(state: ScanState, message: string, at: number): XmlProblem {
  return problemAt('xml-malformed', message, state.source, at);
}

/** The document stops inside some construct: positioned at its end, where the text breaks off. */
export function truncatedInside(state: ScanState, construct: string): XmlProblem {
  const open = state.open.length === 0 ? '' : `; these elements are not closed: ${openNames(state)}`;
  return malformedAt(state, `The document ends inside ${construct} (truncated?)${open}.`, state.source.length);
}

/** The open elements, outermost first, as `a, b, c`. */
export function openNames(state: ScanState): string {
  return state.open.map((element) => element.name).join(', ');
}

/** An `xml-too-many` problem naming the limit. */
export function overLimit(state: ScanState, what: string, limit: number, at: number): XmlProblem {
  return problemAt('xml-too-many', `The document has more ${what} than the limit of ${limit}.`, state.source, at);
}

/** Index of the first character at or after `from` that is not XML white space (§2.3 `S`). */
export function skipSpace(source: string, from: number): number {
  let i = from;
  for (let c = source.charCodeAt(i); c === 0x20 || c === 0x9 || c === 0xa || c === 0xd; c = source.charCodeAt(i)) i += 1;
  return i;
}
