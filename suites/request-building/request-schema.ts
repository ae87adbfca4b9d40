import { validateRequestFields } from '../../src/protocols/check-built-request.ts';
import { always, type CaseCheck } from '../check.ts';
import { decodeViolations, onRecorded } from './recorded.ts';

// Structural findings of the XML decoder that are about fields rather than namespaces.
// `whitespace` is a warning: XSD collapses whitespace around booleans, numbers and dates.
const DECODE_RULES = new Set(['repeated', 'type', 'attribute', 'whitespace']);

/** Every field is present when required, of its documented type, and within its constraints. */
export const requestSchema: CaseCheck = {
  id: 'request.schema',
  title: 'Required fields present; types, attributes and constraints as documented',
  suite: 'request-building',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => onRecorded(ctx, (r) => [...decodeViolations(r, DECODE_RULES), ...validateRequestFields(ctx.contract, r.decoded)]),
};
