import type { CaseCheck } from '../check.ts';
import { decodeViolations, onRecorded } from './recorded.ts';

const RULES = new Set(['soap-envelope', 'xml-empty', 'xml-malformed', 'xml-doctype', 'xml-processing-instruction', 'xml-too-large', 'xml-too-deep', 'xml-undeclared-prefix', 'json-malformed', 'json-too-large', 'json-too-deep', 'json-body', 'xml-body']);

/** The body is well-formed and safe, and a SOAP request is a SOAP 1.1 envelope with a Body. */
export const envelope: CaseCheck = {
  id: 'request.envelope',
  title: 'Body is well-formed (SOAP: a SOAP 1.1 envelope, no DOCTYPE or processing instruction)',
  suite: 'request-building',
  scope: 'case',
  appliesTo: () => true,
  run: (ctx) => onRecorded(ctx, (r) => decodeViolations(r, RULES)),
};
