import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { valueChanges } from './shared/value-verdict.ts';

/** A date or date-time value is written in another format (ISO date, dd/mm/yyyy, mm/dd/yyyy, date-time with or without zone). */
export const formatChanged: DriftRule = {
  id: 'drift.format-changed',
  severity: 'breaking',
  title: 'A date or date-time value changed format',
  breaks: 'readers that parse the date with a fixed format (DateTime.ParseExact, strptime, xs:date binding in zeep); readers that keep it as text are unaffected',
  detect: (ctx) =>
    valueChanges(ctx, ['format']).map(({ d, cmp }) => ({
      path: ctx.path(d.at),
      at: d.at,
      before: d.before,
      after: d.after,
      message: `${fieldName(d.at, ctx.style)} changed format: ${cmp.before} → ${cmp.after}.`,
    })),
};
