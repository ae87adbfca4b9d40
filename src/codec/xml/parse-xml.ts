import { fail } from '../../model/result.ts';
import type { Result } from '../../model/result.ts';
import { orderedToElement } from './ordered-to-element.ts';
import { parseOrdered } from './parse-ordered.ts';
import { prescanXml, type XmlCountLimits } from './prescan-xml.ts';
import { RecentParses } from './recent-parses.ts';
import type { XmlElement } from './xml-element.ts';
import type { XmlProblem } from './xml-problem.ts';

export type { XmlProblem, XmlProblemRule } from './xml-problem.ts';

/**
 * Resource limits for one document, all checked by the same scan that checks well-formedness,
 * before fast-xml-parser builds anything. Defaults: `maxBytes` 5 MiB, `maxDepth` 64, `maxElements` 20,000, `maxAttributes`
 * 20,000 (`maxAttributesPerElement` 1,000), `maxReferences` 20,000, `maxTextChars` 2 Mi characters.
 */
export interface XmlLimits extends XmlCountLimits {
  /** Largest accepted document, in UTF-8 bytes. @default 5 MiB */
  readonly maxBytes: number;
}

/** The limits used for whatever `ParseXmlOptions.limits` leaves out. */
export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 20_000,
  maxAttributes: 20_000,
  maxAttributesPerElement: 1_000,
  maxReferences: 20_000,
  maxTextChars: 2 * 1024 * 1024,
};

/** Options of `parseXml`. */
export interface ParseXmlOptions {
  /** Overrides of `DEFAULT_XML_LIMITS`. */
  readonly limits?: Partial<XmlLimits>;
  /** SOAP 1.1 forbids PIs; plain XML may allow them. @default true */
  readonly forbidProcessingInstructions?: boolean;
  /**
   * False: the result is neither looked up in nor added to the memory of recent parses, for a caller that
   * parses thousands of distinct texts once each (kept, each would outlive the young generation). @default true
   */
  readonly remember?: boolean;
}

// Recent parses under the default limits, by whether processing instructions are forbidden.
const recent = { forbidden: new RecentParses<Result<XmlElement, XmlProblem>>(), allowed: new RecentParses<Result<XmlElement, XmlProblem>>() };

/**
 * Parse an XML document into a namespace-resolved element tree: one scan (`prescanXml`) checks
 * well-formedness and the limits, then fast-xml-parser parses the text once. Never throws: every
 * rejection, including ones fast-xml-parser throws for, comes back as an `XmlProblem`. The tree is
 * immutable: a text parsed again under the default limits gets the same result back (see `RecentParses`).
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): Result<XmlElement, XmlProblem> {
  // Plain JS may pass a non-string, which parseGuarded refuses; only texts are remembered.
  const memory = typeof text === 'string' && options.remember !== false && hasDefaultLimits(options) ? recent[options.forbidProcessingInstructions === false ? 'allowed' : 'forbidden'] : undefined;
  const remembered = memory?.get(text);
  if (remembered !== undefined) return remembered;
  const result = parseGuarded(text, options);
  memory?.set(text, result);
  return result;
}

function parseGuarded(text: string, options: ParseXmlOptions): Result<XmlElement, XmlProblem> {
  try {
    return parseChecked(text, options);
  } catch (error) {
    return fail({ rule: 'xml-malformed', message: `Malformed XML: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** True when no limit is overridden (a limit given as `undefined` keeps its default). */
function hasDefaultLimits({ limits }: ParseXmlOptions): boolean {
  if (limits === undefined) return true;
  return (Object.keys(DEFAULT_XML_LIMITS) as (keyof XmlLimits)[]).every((key) => limits[key] === undefined || limits[key] === DEFAULT_XML_LIMITS[key]);
}

function parseChecked(text: string, options: ParseXmlOptions): Result<XmlElement, XmlProblem> {
  const limits = limitsOf(options);
  if (exceedsBytes(text, limits.maxBytes)) {
    return fail({ rule: 'xml-too-large', message: `The document is larger than the limit of ${limits.maxBytes} bytes.` });
  }
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // The same test as `source.trim() === ''` (both take JS whitespace and line terminators), without copying the text.
  if (!/\S/.test(source)) return fail({ rule: 'xml-empty', message: 'The document is empty.' });
  const forbidProcessingInstructions = options.forbidProcessingInstructions ?? true;
  const scanned = prescanXml(source, { ...limits, forbidProcessingInstructions });
  if (scanned !== undefined) return fail(scanned);
  const tree = orderedToElement(parseOrdered(source), source);
  // Only a problem needs the elements' offsets (its line and column): a document with one is parsed again with them.
  return tree.ok ? tree : orderedToElement(parseOrdered(source, true), source);
}

/** Per-field defaults, so a limit given as `undefined` from plain JS still gets its default. */
function limitsOf({ limits }: ParseXmlOptions): XmlLimits {
  if (limits === undefined) return DEFAULT_XML_LIMITS;
  const out: Record<keyof XmlLimits, number> = { ...DEFAULT_XML_LIMITS };
  for (const key of Object.keys(out) as (keyof XmlLimits)[]) out[key] = limits?.[key] ?? DEFAULT_XML_LIMITS[key];
  return out;
}

/** UTF-8 size check that skips the byte count when the length alone decides it. */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
  return text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes;
}
