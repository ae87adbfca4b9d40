import type { DriftRule } from '../../src/audit/drift-rule.ts';

/** A case recorded in the baseline is missing from the current recordings. */
export const caseRemoved: DriftRule = {
  id: 'drift.case-removed',
  severity: 'breaking',
  title: 'A case recorded in the baseline has no current recording',
  breaks: 'every reader of the case: nothing shows the vendor still answers it the same way',
  detect: (ctx) =>
    ctx.baseline !== undefined && ctx.current === undefined
      ? [{ path: ctx.file, before: `HTTP ${ctx.baseline.status}${ctx.baseline.parsed === undefined ? '' : ` ${ctx.baseline.parsed.outcome}`}`, message: 'The case is recorded in the baseline only: nothing shows the vendor still answers it the same way. Re-record it, or remove it from the baseline on purpose.' }]
      : [],
};
