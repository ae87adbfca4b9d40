import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { documented } from './shared/documented.ts';
import { fieldName } from './shared/field-name.ts';

/** A field is gone that the contract requires, or that it does not describe (so it may be relied on). */
export const fieldRemoved: DriftRule = {
  id: 'drift.field-removed',
  severity: 'breaking',
  title: 'A required or undocumented field is gone',
  breaks: 'every reader of the field (zeep, node-soap, JSON property access), and strict schema readers when the field is required',
  detect: (ctx) =>
    ctx.differences.flatMap((d) => {
      if (d.kind !== 'removed' || d.item) return [];
      const doc = documented(ctx, 'baseline', d.at);
      if (doc === 'optional') return [];
      const why = doc === 'required' ? 'the contract requires it' : 'the contract does not describe it, so integrations may rely on it';
      return [{ path: ctx.path(d.at), at: d.at, before: d.value, message: `${fieldName(d.at, ctx.style)} is gone (${why}).` }];
    }),
};
