import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { documented } from './shared/documented.ts';
import { fieldName } from './shared/field-name.ts';
import { unexpectedAt } from './shared/unexpected.ts';

/** A field (or an item of a repeated field) that was not there. One the contract's closed structure does not allow is `drift.field-unexpected` instead. */
export const fieldAdded: DriftRule = {
  id: 'drift.field-added',
  severity: 'info',
  title: 'A field, or an item of a repeated field, was added',
  detect: (ctx) =>
    ctx.differences.flatMap((d) => {
      if (d.kind !== 'added' || (!d.item && unexpectedAt(ctx, d.at) !== undefined)) return [];
      const doc = documented(ctx, 'current', d.at);
      const note = d.item ? 'a repeated field has one more item' : doc === 'undocumented' ? 'the contract does not describe it' : `the contract documents it (${doc})`;
      return [{ path: ctx.path(d.at), at: d.at, after: d.value, message: `${fieldName(d.at, ctx.style)} is new: ${note}.` }];
    }),
};
