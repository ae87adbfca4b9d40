import { lineColAt } from './line-col-at.ts';

/** Stable rule ids of the problems `parseXml` reports. */
export type XmlProblemRule =
  | 'xml-empty'
  | 'xml-malformed'
  | 'xml-doctype'
  | 'xml-processing-instruction'
  | 'xml-too-large'
  | 'xml-too-deep'
  | 'xml-too-many'
  | 'xml-forbidden-char'
  | 'xml-encoding'
  | 'xml-undeclared-prefix';

/** Why a document was rejected, with a 1-based source position when one is known. */
export interface XmlProblem {
  readonly rule: XmlProblemRule;
  /** What is wrong, as one sentence. */
  readonly message: string;
  /** 1-based line of the offending markup, when known. */
  readonly line?: number;
  /** 1-based column of the offending markup, when known. */
  readonly col?: number;
}

/** A problem located at character `index` of `source`. */
export function problemAt(rule: XmlProblemRule, message: string, source: string, index: number): XmlProblem {
  return { rule, message, ...lineColAt(source, index) };
}
