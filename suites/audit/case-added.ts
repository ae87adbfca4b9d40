import type { DriftRule } from '../../src/audit/drift-rule.ts';

/** A case recorded now that the baseline does not have. New coverage: nothing that was relied on changed. */
export const caseAdded: DriftRule = {
  id: 'drift.case-added',
  severity: 'info',
  title: 'A case has a current recording but none in the baseline',
  detect: (ctx) =>
    ctx.current !== undefined && ctx.baseline === undefined
      ? [{ path: ctx.file, after: `HTTP ${ctx.current.status}${ctx.current.parsed === undefined ? '' : ` ${ctx.current.parsed.outcome}`}`, message: 'The case is new: recorded in the current folder only. Add it to the baseline once reviewed.' }]
      : [],
};
