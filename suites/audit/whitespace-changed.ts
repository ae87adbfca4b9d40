import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { visibleWhitespace } from './shared/visible-whitespace.ts';

/**
 * A text value differs only in whitespace (`"Not Found "` → `"Not Found"`). Readers that compare
 * text exactly, and contracts that match on it (EBizCharge's "Not Found " answer), see another
 * value; readers that trim (node-soap) do not. The evidence shows the whitespace.
 */
export const whitespaceChanged: DriftRule = {
  id: 'drift.whitespace-changed',
  severity: 'warning',
  title: 'A text value differs only in whitespace',
  detect: (ctx) =>
    ctx.differences.flatMap((d) => {
      if (d.kind !== 'value' || typeof d.before !== 'string' || typeof d.after !== 'string') return [];
      if (d.before === d.after || d.before.trim() !== d.after.trim() || d.before.replace(/\s+/g, ' ').trim() === '') return [];
      return [{ path: ctx.path(d.at), at: d.at, before: d.before, after: d.after, message: `${fieldName(d.at, ctx.style)} differs only in whitespace: ${visibleWhitespace(d.before)} → ${visibleWhitespace(d.after)}. Readers that compare the text exactly see another value.` }];
    }),
};
