import { always, type CaseCheck } from '../check.ts';
import { onRecorded } from '../request-building/recorded.ts';

const PARSE_RULES = /^(xml-|json-)|^undocumented-response$/;

/** The recorded response's structure (names, namespaces, types) is as documented. */
export const responseSchema: CaseCheck = {
  id: 'response.schema',
  title: 'Response structure, namespaces and types are as documented',
  suite: 'response-parsing',
  scope: 'case',
  appliesTo: always,
  run: (ctx) =>
    onRecorded(ctx, (r) => {
      if (r.response.outcome === 'unknown') return [];
      return r.response.violations.filter((v) => !PARSE_RULES.test(v.rule));
    }),
};
