import { always, type CaseCheck } from '../check.ts';
import { onRecorded } from '../request-building/recorded.ts';

/** The recorded response matches a documented response (its outcome is not `unknown`). */
export const responseDocumented: CaseCheck = {
  id: 'response.documented',
  title: 'Response matches a documented response and is classified',
  suite: 'response-parsing',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => onRecorded(ctx, (r) => r.response.violations.filter((v) => v.rule === 'undocumented-response')),
};
