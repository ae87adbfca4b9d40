import { always, type CaseCheck } from '../check.ts';
import { onRecorded } from '../request-building/recorded.ts';

/** The recorded response body is readable: well-formed, within limits, no DOCTYPE or PI. */
export const responseReadable: CaseCheck = {
  id: 'response.readable',
  title: 'Response body is well-formed and safe to parse',
  suite: 'response-parsing',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => onRecorded(ctx, (r) => r.response.violations.filter((v) => v.rule.startsWith('xml-') || v.rule.startsWith('json-'))),
};
