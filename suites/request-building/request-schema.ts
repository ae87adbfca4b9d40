import { validateRequestFields } from '../../src/protocols/check-built-request.ts';
import { always, type CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/** Every field is present when required, of its documented type, and within its constraints. */
export const requestSchema: CaseCheck = {
  id: 'request.schema',
  title: 'Required fields present; types and constraints as documented',
  suite: 'request-building',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => onRecorded(ctx, (r) => validateRequestFields(ctx.contract, r.decoded)),
};
