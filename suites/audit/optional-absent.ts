import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { documented } from './shared/documented.ts';
import { fieldName } from './shared/field-name.ts';

/** A field the contract documents as optional is now absent, or a repeated field has fewer items. */
export const optionalAbsent: DriftRule = {
  id: 'drift.optional-absent',
  severity: 'warning',
  title: 'An optional field, or an item of a repeated field, is now absent',
  detect: (ctx) =>
    ctx.differences.flatMap((d) => {
      if (d.kind !== 'removed') return [];
      if (d.item) return [{ path: ctx.path(d.at), at: d.at, before: d.value, message: `${fieldName(d.at, ctx.style)} is gone: the repeated field has fewer items.` }];
      if (documented(ctx, 'baseline', d.at) !== 'optional') return [];
      return [{ path: ctx.path(d.at), at: d.at, before: d.value, message: `${fieldName(d.at, ctx.style)} is gone; the contract documents it as optional, so readers must already cope without it.` }];
    }),
};
