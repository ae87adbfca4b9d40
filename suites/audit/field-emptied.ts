import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { valueChanges } from './shared/value-verdict.ts';

/** A field that had a value is still there but empty or null: present to absent, in value. */
export const fieldEmptied: DriftRule = {
  id: 'drift.field-emptied',
  severity: 'warning',
  title: 'A field that had a value is now empty or null',
  detect: (ctx) =>
    valueChanges(ctx, ['emptied']).map(({ d }) => ({
      path: ctx.path(d.at),
      at: d.at,
      before: d.before,
      after: d.after,
      message: `${fieldName(d.at, ctx.style)} is still sent but carries no value any more.`,
    })),
};
