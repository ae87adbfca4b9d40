import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { valueChanges } from './shared/value-verdict.ts';
import { violationAt } from './shared/unexpected.ts';
import { isVolatile } from './shared/volatile.ts';
import { samePath } from '../../src/audit/tree-key.ts';
import type { PairContext } from '../../src/audit/pair-context.ts';
import type { Segment } from '../../src/audit/tree-value.ts';

/**
 * A value changed within its lexical class (another amount, id or text) where the contract does
 * not declare the field volatile. The same request got another answer: nothing a parser trips
 * on, but worth a look (a total the vendor now computes differently). Volatile fields (generated
 * ids, lock tokens, server dates) are compared by class only, and a whitespace-only change is
 * `drift.whitespace-changed`.
 */
export const valueChanged: DriftRule = {
  id: 'drift.value-changed',
  severity: 'info',
  title: 'A value changed within its class, at a field the contract does not declare volatile',
  detect: (ctx) =>
    valueChanges(ctx, ['same', 'compatible']).flatMap(({ d }) => {
      if (typeof d.before === 'object' || typeof d.after === 'object' || d.before === d.after) return [];
      if (typeof d.before === 'string' && typeof d.after === 'string' && d.before.trim() === d.after.trim()) return [];
      if (isVolatile(ctx, d.at) || reportedElsewhere(ctx, d.at)) return [];
      return [{ path: ctx.path(d.at), at: d.at, before: d.before, after: d.after, message: `${fieldName(d.at, ctx.style)} has another value of the same kind. If it changes on every call, declare it volatile in the contract's response.` }];
    }),
};

/** The vendor code and message have their own rules, and a value the contract refuses is a contract violation. */
function reportedElsewhere(ctx: PairContext, at: readonly Segment[]): boolean {
  for (const side of ['baseline', 'current'] as const) {
    const matched = ctx[side]?.parsed?.matched;
    const spec = ctx.spec?.responses.find((r) => r.name === matched);
    for (const dotted of [spec?.code, spec?.message]) {
      const place = dotted === undefined ? undefined : ctx.locate(side, dotted);
      if (place !== undefined && samePath(place, at)) return true;
    }
  }
  return violationAt(ctx, at) !== undefined;
}
