import { compareValues, type ValueComparison } from '../../../src/audit/compare-values.ts';
import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { TreeDifference } from '../../../src/audit/tree-difference.ts';

type ValueDifference = Extract<TreeDifference, { kind: 'value' }>;

/** The class change of a value difference, with the contract's declared type when the field is documented. */
export function valueVerdict(ctx: PairContext, d: ValueDifference): ValueComparison {
  const declared = ctx.fieldAt('current', d.at)?.type ?? ctx.fieldAt('baseline', d.at)?.type;
  return compareValues(d.before, d.after, ctx.style === 'json', declared);
}

/** The value differences of a pair whose verdict is one of `verdicts`, each with its comparison. */
export function valueChanges(ctx: PairContext, verdicts: readonly ValueComparison['verdict'][]): Array<{ d: ValueDifference; cmp: ValueComparison }> {
  return ctx.differences.flatMap((d) => {
    if (d.kind !== 'value') return [];
    const cmp = valueVerdict(ctx, d);
    return verdicts.includes(cmp.verdict) ? [{ d, cmp }] : [];
  });
}
