import type { DriftRule } from '../../src/audit/drift-rule.ts';

/** The response now classifies into another normalized outcome (or matches no documented response). */
export const outcomeChanged: DriftRule = {
  id: 'drift.outcome-changed',
  severity: 'breaking',
  title: 'The normalized outcome of the response changed',
  breaks: 'every integration that branches on the result (success, not found, refused): it takes another path',
  detect: (ctx) => {
    const b = ctx.baseline?.parsed;
    const c = ctx.current?.parsed;
    if (b === undefined || c === undefined || b.outcome === c.outcome) return [];
    const now = c.matched === null ? 'matches no documented response' : `matches the documented response "${c.matched}"`;
    return [{ path: 'response.outcome', before: b.outcome, after: c.outcome, message: `The same case now classifies as ${c.outcome} instead of ${b.outcome}: the response ${now}.` }];
  },
};
