import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';

/** The items of a repeated field (an array, repeated XML elements) are the same, in another order. */
export const reordered: DriftRule = {
  id: 'drift.reordered',
  severity: 'info',
  title: 'Repeated items appear in another order',
  detect: (ctx) =>
    ctx.differences.flatMap((d) =>
      d.kind === 'reordered'
        ? [{ path: ctx.path(d.at), before: d.before.join(', '), after: d.after.join(', '), message: `${fieldName(d.at, ctx.style)}: the same items in another order (before: baseline item numbers; after: the same items in current order). The order of repeated items carries no meaning in these contracts.` }]
        : [],
    ),
};
